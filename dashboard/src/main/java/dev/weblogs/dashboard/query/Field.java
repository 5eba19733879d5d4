package dev.weblogs.dashboard.query;

import dev.weblogs.dashboard.model.Column;
import java.util.Arrays;
import java.util.Optional;

/**
 * What a panel groups by and a filter narrows by, named in URLs by {@link #key}. Most are a stored column;
 * browser and OS are derived from the user agent; status class, hour and weekday from status and time.
 */
public enum Field {
    PATH("path", Column.PATH),
    HOST("host", Column.HOST),
    STATUS("status", Column.STATUS),
    COUNTRY("country", Column.COUNTRY),
    CITY("city", Column.CITY),
    IP("ip", Column.IP),
    USER("user", Column.USER),
    EMAIL_DOMAIN("email_domain", Column.EMAIL_DOMAIN),
    METHOD("method", Column.METHOD),
    VERSION("version", Column.VERSION),
    REFERRER("referrer", Column.REFERRER),
    BROWSER("browser", Column.USER_AGENT),
    OS("os", Column.USER_AGENT),
    /** "2xx" .. "5xx", and "1xx" or others for the rest. */
    STATUS_CLASS("class", Column.STATUS),
    /** Hour of day in UTC, "0" .. "23". */
    HOUR("hour", null),
    /** ISO day of week in UTC, "1" (Monday) .. "7" (Sunday). */
    WEEKDAY("weekday", null);

    private final String key;
    private final Column column;

    Field(String key, Column column) {
        this.key = key;
        this.column = column;
    }

    public String key() {
        return key;
    }

    /** The stored column this field reads; {@code null} for those computed from the time. */
    public Column column() {
        return column;
    }

    public static Optional<Field> byKey(String key) {
        return Arrays.stream(values()).filter(field -> field.key.equals(key)).findFirst();
    }
}
