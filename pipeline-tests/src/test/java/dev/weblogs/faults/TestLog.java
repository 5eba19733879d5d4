package dev.weblogs.faults;

import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HashMap;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.Map;
import java.util.Set;

/**
 * Generated access log lines and what the tables must end up holding: every line's id in raw-log, every
 * parsable line's in clean-log, every malformed line's in clean-log-rejected, and each with the number of
 * times the server wrote it. One line in {@link #REPEAT_EVERY} is written twice in a row, as a client that
 * fetches the same URL twice in a second makes nginx do: one row, two occurrences.
 */
final class TestLog {

    static final int REPEAT_EVERY = 20;

    final Set<String> rawIds = new HashSet<>();
    final Set<String> cleanIds = new HashSet<>();
    final Set<String> rejectedIds = new HashSet<>();
    /** Line id to the times it was written. */
    final Map<String, Integer> occurrences = new HashMap<>();
    private final MessageDigest md5;
    private int next;
    private int written;

    private TestLog(MessageDigest md5) {
        this.md5 = md5;
    }

    static TestLog create() {
        try {
            return new TestLog(MessageDigest.getInstance("MD5"));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /**
     * Appends {@code count} distinct lines to {@code file} (and the repeats), one in every {@code malformedEvery}
     * (0: none) not an access log line, and one in every {@code poisonEvery} (0: none) with "poison" in its URL.
     */
    void append(Path file, int count, int malformedEvery, int poisonEvery) throws IOException {
        try (Writer out = Files.newBufferedWriter(file, StandardCharsets.UTF_8, StandardOpenOption.CREATE,
                StandardOpenOption.APPEND)) {
            for (int i = 0; i < count; i++) {
                int n = next++;
                boolean malformed = malformedEvery > 0 && n % malformedEvery == malformedEvery - 1;
                boolean poison = poisonEvery > 0 && n % poisonEvery == poisonEvery - 1;
                String line = malformed ? "garbage line " + n + " [with a bracket and a \" quote" : line(n, poison);
                for (int copy = 0; copy < (n % REPEAT_EVERY == REPEAT_EVERY - 1 ? 2 : 1); copy++) {
                    write(out, line, !malformed);
                }
            }
        }
    }

    /** Appends one given line, as the server would write it once more. */
    void appendLine(Path file, String line, boolean parsable) throws IOException {
        try (Writer out = Files.newBufferedWriter(file, StandardCharsets.UTF_8, StandardOpenOption.CREATE,
                StandardOpenOption.APPEND)) {
            write(out, line, parsable);
        }
    }

    private void write(Writer out, String line, boolean parsable) throws IOException {
        out.write(line);
        out.write('\n');
        written++;
        String id = HexFormat.of().formatHex(md5.digest(line.getBytes(StandardCharsets.UTF_8)));
        rawIds.add(id);
        (parsable ? cleanIds : rejectedIds).add(id);
        occurrences.merge(id, 1, Integer::sum);
    }

    /** Line {@code n}: distinct from every other, of the main format, IPv6 now and then. */
    static String line(int n, boolean poison) {
        String target = poison ? "/poison/" : "/page/";
        return (n % 7 == 0 ? "2001:db8::" + Integer.toHexString(n % 65536) : "10." + (n >> 16 & 255) + "."
                + (n >> 8 & 255) + "." + (n & 255)) + " S" + n + " user" + n % 100 + "@example.org ["
                + String.format("%02d", 1 + n % 28) + "/Mar/2023:" + String.format("%02d:%02d:%02d", n / 3600 % 24,
                n / 60 % 60, n % 60) + " -0500] \"GET https://example.org:443" + target + n
                + "?q=" + "abcdefghij".repeat(n % 12) + " HTTP/1.1\" 200 " + n + " -";
    }

    /** Lines written, repeats included. */
    int lines() {
        return written;
    }
}
