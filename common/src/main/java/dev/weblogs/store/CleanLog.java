package dev.weblogs.store;

import com.fasterxml.jackson.annotation.JsonFormat;
import dev.weblogs.geo.Location;
import dev.weblogs.parse.AccessLogRecord;
import dev.weblogs.parse.EmailAddress;
import dev.weblogs.parse.HttpStatus;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.math.BigDecimal;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.ZoneOffset;
import java.time.format.TextStyle;
import java.util.Locale;
import org.hibernate.annotations.SQLInsert;
import org.hibernate.jdbc.Expectation;

/**
 * A row of {@code clean-log}: one parsed, geolocated request, times in UTC.
 *
 * <p>Column names are the snake_case of the field names, for the table ({@link QuotedSnakeCaseNaming};
 * {@code clean-log.sql} creates it) and for the {@code parse} command's JSON alike. A line stored before
 * is left as it is, as in {@link RawLog}.
 */
@Entity
@Table(name = "clean-log")
@SQLInsert(sql = "INSERT INTO `clean-log` (`city`, `country`, `day`, `day_of_week`, `email_domain`, `host`, `ip`,"
        + " `is_email`, `month`, `rest_method`, `rest_version`, `schema`, `session`, `size_bytes`, `size_kilo_bytes`,"
        + " `size_mega_bytes`, `status`, `status_verbose`, `time`, `timestamp`, `url`, `user`, `year`, `id`)"
        + " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)"
        + " ON DUPLICATE KEY UPDATE `id` = `id`", verify = Expectation.None.class)
public class CleanLog {

    @Id
    private String id;

    @JsonFormat(pattern = "yyyy-MM-dd HH:mm:ss")
    private LocalDateTime timestamp;

    private int year;

    private int month;

    private int day;

    private String dayOfWeek;

    @JsonFormat(pattern = "HH:mm:ss")
    private LocalTime time;

    private String ip;

    private String country;

    private String city;

    private String session;

    private String user;

    private boolean isEmail;

    private String emailDomain;

    private String restMethod;

    private String url;

    private String schema;

    private String host;

    private String restVersion;

    private int status;

    private String statusVerbose;

    private long sizeBytes;

    private BigDecimal sizeKiloBytes;

    private BigDecimal sizeMegaBytes;

    protected CleanLog() {
    }

    /** The row for a parsed line: {@code id} is the md5 of the line, {@code location} where its IP is. */
    public static CleanLog of(String id, AccessLogRecord record, Location location) {
        CleanLog row = new CleanLog();
        LocalDateTime utc = record.time().withOffsetSameInstant(ZoneOffset.UTC).toLocalDateTime();
        row.id = id;
        row.timestamp = utc;
        row.year = utc.getYear();
        row.month = utc.getMonthValue();
        row.day = utc.getDayOfMonth();
        row.dayOfWeek = utc.getDayOfWeek().getDisplayName(TextStyle.FULL, Locale.ENGLISH);
        row.time = utc.toLocalTime();
        row.ip = record.ip();
        row.country = location.country();
        row.city = location.city();
        row.session = record.session();
        row.user = record.user();
        row.emailDomain = EmailAddress.domainOf(record.user());
        row.isEmail = row.emailDomain != null;
        row.restMethod = record.method();
        row.url = record.url();
        row.schema = record.schema();
        row.host = record.host();
        row.restVersion = record.version();
        row.status = record.status();
        row.statusVerbose = HttpStatus.reasonPhrase(record.status());
        row.sizeBytes = record.sizeBytes();
        row.sizeKiloBytes = BigDecimal.valueOf(record.sizeBytes(), 3);
        row.sizeMegaBytes = BigDecimal.valueOf(record.sizeBytes(), 6);
        return row;
    }

    public String id() {
        return id;
    }
}
