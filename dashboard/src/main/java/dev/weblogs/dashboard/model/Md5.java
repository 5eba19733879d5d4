package dev.weblogs.dashboard.model;

/** A row's id, the lowercase hex MD5 of its line, held as two longs rather than a 32-character string. */
public final class Md5 {

    private Md5() {
    }

    public static long high(String hex) {
        return parse(hex, 0);
    }

    public static long low(String hex) {
        return parse(hex, 16);
    }

    private static long parse(String hex, int from) {
        if (hex.length() != 32) {
            throw new IllegalArgumentException("not an MD5 id: " + hex);
        }
        return Long.parseUnsignedLong(hex, from, from + 16, 16);
    }

    public static String hex(long high, long low) {
        return pad(Long.toHexString(high)) + pad(Long.toHexString(low));
    }

    private static String pad(String hex) {
        return "0".repeat(16 - hex.length()) + hex;
    }
}
