package dev.weblogs.row;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/** The id of a line in both tables: lowercase hex MD5 of its UTF-8 bytes, without line terminator. */
public final class LineId {

    private static final ThreadLocal<MessageDigest> MD5 = ThreadLocal.withInitial(() -> {
        try {
            return MessageDigest.getInstance("MD5");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java runtime has MD5", e);
        }
    });

    private LineId() {
    }

    public static String of(byte[] line) {
        return HexFormat.of().formatHex(MD5.get().digest(line));
    }
}
