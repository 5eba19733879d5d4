package dev.weblogs.dashboard.model;

/**
 * One row of {@code clean-log} as the dashboard reads it.
 *
 * @param seq         the row's {@code seq}: its place in insertion order
 * @param time        {@code timestamp} (UTC) as seconds since 1970
 * @param target      the request target up to its query string (the database cuts it there)
 * @param status      the status code
 * @param reason      {@code status_verbose}: the code's reason phrase, or {@code null}
 * @param occurrences requests the row stands for
 */
public record LogRow(long seq, String id, long time, String ip, String country, String city, String user,
                     String emailDomain, String method, String target, String host, String version, int status,
                     String reason, long sizeBytes, String referrer, String userAgent, int occurrences) {
}
