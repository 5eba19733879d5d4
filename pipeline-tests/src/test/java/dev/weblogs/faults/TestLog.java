package dev.weblogs.faults;

import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.Set;

/**
 * Generated access log lines, every one distinct, and the ids each table must end up holding: every
 * line's in raw-log, every parsable line's in clean-log.
 */
final class TestLog {

    final Set<String> rawIds = new HashSet<>();
    final Set<String> cleanIds = new HashSet<>();
    private final MessageDigest md5;
    private int next;

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
     * Appends {@code count} lines to {@code file}, one in every {@code malformedEvery} (0: none) not an
     * access log line, and {@code poisonEvery} (0: none) with "poison" in its URL.
     */
    void append(Path file, int count, int malformedEvery, int poisonEvery) throws IOException {
        try (Writer out = Files.newBufferedWriter(file, StandardCharsets.UTF_8, StandardOpenOption.CREATE,
                StandardOpenOption.APPEND)) {
            for (int i = 0; i < count; i++) {
                int n = next++;
                String line;
                boolean parsable = true;
                if (malformedEvery > 0 && n % malformedEvery == malformedEvery - 1) {
                    line = "garbage line " + n + " [with a bracket and a \" quote";
                    parsable = false;
                } else {
                    String target = poisonEvery > 0 && n % poisonEvery == poisonEvery - 1 ? "/poison/" : "/page/";
                    line = (n % 7 == 0 ? "2001:db8::" + Integer.toHexString(n % 65536) : "10." + (n >> 16 & 255) + "."
                            + (n >> 8 & 255) + "." + (n & 255)) + " S" + n + " user" + n % 100 + "@example.org ["
                            + String.format("%02d", 1 + n % 28) + "/Mar/2023:" + String.format("%02d:%02d:%02d", n / 3600 % 24,
                            n / 60 % 60, n % 60) + " -0500] \"GET https://example.org:443" + target + n
                            + "?q=" + "abcdefghij".repeat(n % 12) + " HTTP/1.1\" 200 " + n + " -";
                }
                out.write(line);
                out.write('\n');
                String id = HexFormat.of().formatHex(md5.digest(line.getBytes(StandardCharsets.UTF_8)));
                rawIds.add(id);
                if (parsable) {
                    cleanIds.add(id);
                }
            }
        }
    }

    int lines() {
        return next;
    }
}
