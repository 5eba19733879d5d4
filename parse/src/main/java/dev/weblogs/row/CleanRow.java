package dev.weblogs.row;

import dev.weblogs.parse.AccessLogRecord;
import dev.weblogs.parse.EmailAddress;
import dev.weblogs.parse.HttpStatus;
import java.math.BigDecimal;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.ZoneOffset;
import java.time.format.TextStyle;
import java.util.Locale;

/**
 * One parsed, geolocated request: the values of a {@code clean-log} row, in the contract's column order
 * and with its names (snake case of the component names), times in UTC.
 */
public record CleanRow(
        String id,
        LocalDateTime timestamp,
        int year,
        int month,
        int day,
        String dayOfWeek,
        LocalTime time,
        String ip,
        String country,
        String city,
        String session,
        String user,
        boolean isEmail,
        String emailDomain,
        String restMethod,
        String url,
        String schema,
        String host,
        String restVersion,
        int status,
        String statusVerbose,
        long sizeBytes,
        BigDecimal sizeKiloBytes,
        BigDecimal sizeMegaBytes,
        String referrer,
        String userAgent) {

    /** The row for a parsed line: {@code id} is the md5 of the line, {@code location} where its IP is. */
    public static CleanRow of(String id, AccessLogRecord record, Location location) {
        LocalDateTime utc = record.time().withOffsetSameInstant(ZoneOffset.UTC).toLocalDateTime();
        String emailDomain = EmailAddress.domainOf(record.user());
        return new CleanRow(id, utc, utc.getYear(), utc.getMonthValue(), utc.getDayOfMonth(),
                utc.getDayOfWeek().getDisplayName(TextStyle.FULL, Locale.ENGLISH), utc.toLocalTime(),
                record.ip(), location.country(), location.city(), record.session(), record.user(),
                emailDomain != null, emailDomain, record.method(), record.url(), record.schema(), record.host(),
                record.version(), record.status(), HttpStatus.reasonPhrase(record.status()), record.sizeBytes(),
                BigDecimal.valueOf(record.sizeBytes(), 3), BigDecimal.valueOf(record.sizeBytes(), 6),
                record.referrer(), record.userAgent());
    }
}
