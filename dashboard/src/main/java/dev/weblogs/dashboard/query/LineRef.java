package dev.weblogs.dashboard.query;

/**
 * A row behind a panel's figures, to be shown with its raw line.
 *
 * @param cursor where the next page of older rows starts: {@code time.row}
 */
public record LineRef(String id, long time, long occurrences, String ip, String status, String method,
                      String path, String country, String cursor) {
}
