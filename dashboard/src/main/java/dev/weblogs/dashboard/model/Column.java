package dev.weblogs.dashboard.model;

/** The text columns of {@code clean-log} the dashboard keeps, each dictionary-encoded: one int per row. */
public enum Column {
    /** The request target's path, without query string or fragment ({@link RequestTarget#path}). */
    PATH,
    HOST,
    /** The status code as text ("404"), so that it is grouped and filtered like any other value. */
    STATUS,
    COUNTRY,
    CITY,
    IP,
    USER,
    EMAIL_DOMAIN,
    METHOD,
    VERSION,
    /** The referring site: the host of the referrer ({@link RequestTarget#site}). */
    REFERRER,
    /** The whole user agent; browser and operating system are derived from it once per distinct value. */
    USER_AGENT
}
