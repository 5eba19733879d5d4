package dev.weblogs.store;

import dev.weblogs.row.CleanRow;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.LocalDateTime;
import org.hibernate.annotations.SQLInsert;
import org.hibernate.jdbc.Expectation;

/**
 * A row of {@code clean-log}, as Hibernate writes it: column names are the snake case of the field names
 * ({@link QuotedSnakeCaseNaming}); {@code clean-log.sql} creates the table. A line stored before is left as it
 * is, as in {@link RawLog}.
 */
@Entity
@Table(name = "clean-log")
// The derived columns (year, month, day, day_of_week, time, is_email, size_kilo_bytes, size_mega_bytes) are
// computed by the database (clean-log.sql): fewer values per row for the driver to bind and send.
@SQLInsert(sql = "INSERT INTO `clean-log` (`city`, `country`, `email_domain`, `host`, `ip`, `occurrence_key`,"
        + " `referrer`, `rest_method`, `rest_version`, `schema`, `session`, `size_bytes`, `status`, `status_verbose`,"
        + " `timestamp`, `url`, `user`, `user_agent`, `id`)"
        + " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)"
        + " ON DUPLICATE KEY UPDATE `id` = `id`", verify = Expectation.None.class)
public class CleanLog {

    @Id
    private String id;

    private LocalDateTime timestamp;

    private String ip;

    private String country;

    private String city;

    private String session;

    private String user;

    private String emailDomain;

    private String restMethod;

    private String url;

    private String schema;

    private String host;

    private String restVersion;

    private int status;

    private String statusVerbose;

    private long sizeBytes;

    private String referrer;

    private String userAgent;

    /** Of the line that first stored the row. */
    private String occurrenceKey;

    protected CleanLog() {
    }

    public static CleanLog of(CleanRow row, String occurrenceKey) {
        CleanLog entity = new CleanLog();
        entity.id = row.id();
        entity.timestamp = row.timestamp();
        entity.ip = row.ip();
        entity.country = row.country();
        entity.city = row.city();
        entity.session = row.session();
        entity.user = row.user();
        entity.emailDomain = row.emailDomain();
        entity.restMethod = row.restMethod();
        entity.url = row.url();
        entity.schema = row.schema();
        entity.host = row.host();
        entity.restVersion = row.restVersion();
        entity.status = row.status();
        entity.statusVerbose = row.statusVerbose();
        entity.sizeBytes = row.sizeBytes();
        entity.referrer = row.referrer();
        entity.userAgent = row.userAgent();
        entity.occurrenceKey = occurrenceKey;
        return entity;
    }

    String id() {
        return id;
    }
}
