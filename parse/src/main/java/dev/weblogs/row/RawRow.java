package dev.weblogs.row;

import java.time.LocalDateTime;

/**
 * A line as the data lake keeps it.
 *
 * @param id              md5 of the line's bytes
 * @param timestamp       the time written in the line, in the line's own offset; {@code null} when it has none
 * @param timestampOffset that offset, such as {@code -05:00}; {@code null} with the time
 * @param log             the line as text: bytes that are not UTF-8 become U+FFFD (the id is of the bytes)
 */
public record RawRow(String id, LocalDateTime timestamp, String timestampOffset, String log) {
}
