package dev.weblogs.parse;

import java.time.OffsetDateTime;

/**
 * One request as written in an access log line, before anything is derived from it.
 *
 * @param ip        the client address, IPv4 or IPv6, as written
 * @param session   the session id (the main format) or the ident field; {@code null} for {@code -}
 * @param user      the user; {@code null} for {@code -}
 * @param time      the time with the offset written in the line
 * @param method    the request method token
 * @param url       the request target exactly as written
 * @param schema    the scheme of an absolute target, lower case; {@code null} for a relative target
 * @param host      the host of an absolute target, lower case, without port; {@code null} for a relative one
 * @param version   the protocol, e.g. {@code HTTP/1.1}
 * @param status    the three-digit status code
 * @param sizeBytes the body size; 0 when the log says {@code -}
 * @param referrer  the referrer of a {@code combined} line, unescaped; {@code null} when none, {@code -} or empty
 * @param userAgent the user agent of a {@code combined} line, likewise
 */
public record AccessLogRecord(
        String ip,
        String session,
        String user,
        OffsetDateTime time,
        String method,
        String url,
        String schema,
        String host,
        String version,
        int status,
        long sizeBytes,
        String referrer,
        String userAgent) {

    /** Longest textual IPv6 address (with an embedded IPv4 address). */
    public static final int MAX_IP = 45;
    public static final int MAX_SESSION = 255;
    public static final int MAX_USER = 255;
    public static final int MAX_METHOD = 32;
    public static final int MAX_SCHEMA = 32;
    public static final int MAX_HOST = 255;
    public static final int MAX_VERSION = 16;
    /** Characters of a whole line; in utf8mb4 this still fits a MEDIUMTEXT column. */
    public static final int MAX_LINE = 4_000_000;
}
