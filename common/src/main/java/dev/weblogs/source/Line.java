package dev.weblogs.source;

/**
 * One line of a log file.
 *
 * @param bytes the line without its terminator ({@code \n} or {@code \r\n})
 * @param start position of its first byte in the file
 * @param end   position just after its terminator, where the next line starts
 */
public record Line(byte[] bytes, long start, long end) {
}
