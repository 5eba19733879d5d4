package dev.weblogs.source;

/**
 * One line of a log file.
 *
 * @param bytes      the line without its terminator ({@code \n} or {@code \r\n})
 * @param start      position of its first byte in the file
 * @param end        position just after its terminator, where the next line starts
 * @param prefixHash the {@link ContentHash} of the file's bytes before the line
 */
public record Line(byte[] bytes, long start, long end, long prefixHash) {

    /**
     * Which physical line this is, the same however often it is read: a line the server wrote twice has two
     * keys, a line read twice has one.
     */
    public String occurrenceKey() {
        return String.format("%016x-%d", prefixHash, start);
    }
}
