package dev.weblogs.store;

import com.fasterxml.jackson.annotation.JsonFormat;
import dev.weblogs.geo.Location;
import dev.weblogs.parse.AccessLogRecord;
import dev.weblogs.parse.EmailAddress;
import dev.weblogs.parse.HttpStatus;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.math.BigDecimal;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.ZoneOffset;
import java.time.format.TextStyle;
import java.util.Locale;

/**
 * A row of {@code clean-log}: one parsed, geolocated request, times in UTC.
 *
 * <p>Column names are the snake_case of the field names, for the table (Hibernate's snake-case naming
 * strategy, see {@link QuotedSnakeCaseNaming}; {@code clean-log.sql} creates it) and for the {@code parse} command's JSON alike. Rows are never
 * updated, so Hibernate's upsert absorbs a repeated line (see {@link RawLog}).
 */
@Entity
@Table(name = "clean-log")
public class CleanLog {

    @Id
    @Column(updatable = false)
    private String id;

    @JsonFormat(pattern = "yyyy-MM-dd HH:mm:ss")
    @Column(updatable = false)
    private LocalDateTime timestamp;

    @Column(updatable = false)
    private int year;

    @Column(updatable = false)
    private int month;

    @Column(updatable = false)
    private int day;

    @Column(updatable = false)
    private String dayOfWeek;

    @JsonFormat(pattern = "HH:mm:ss")
    @Column(updatable = false)
    private LocalTime time;

    @Column(updatable = false)
    private String ip;

    @Column(updatable = false)
    private String country;

    @Column(updatable = false)
    private String city;

    @Column(updatable = false)
    private String session;

    @Column(updatable = false)
    private String user;

    @Column(updatable = false)
    private boolean isEmail;

    @Column(updatable = false)
    private String emailDomain;

    @Column(updatable = false)
    private String restMethod;

    @Column(updatable = false)
    private String url;

    @Column(updatable = false)
    private String schema;

    @Column(updatable = false)
    private String host;

    @Column(updatable = false)
    private String restVersion;

    @Column(updatable = false)
    private int status;

    @Column(updatable = false)
    private String statusVerbose;

    @Column(updatable = false)
    private long sizeBytes;

    @Column(updatable = false)
    private BigDecimal sizeKiloBytes;

    @Column(updatable = false)
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

    public LocalDateTime timestamp() {
        return timestamp;
    }

    public String dayOfWeek() {
        return dayOfWeek;
    }

    public LocalTime time() {
        return time;
    }

    public String country() {
        return country;
    }

    public String city() {
        return city;
    }

    public String user() {
        return user;
    }

    public boolean isEmail() {
        return isEmail;
    }

    public String emailDomain() {
        return emailDomain;
    }

    public String url() {
        return url;
    }

    public String host() {
        return host;
    }

    public String statusVerbose() {
        return statusVerbose;
    }

    public BigDecimal sizeKiloBytes() {
        return sizeKiloBytes;
    }
}
