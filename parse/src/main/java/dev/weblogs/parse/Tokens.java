package dev.weblogs.parse;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;

/** The character classes of an access log line, and how a piece of one is quoted in a rejection reason. */
final class Tokens {

    private static final String HEX = "0123456789ABCDEF";

    private Tokens() {
    }

    /**
     * Quotes a piece of the line for a rejection reason, cut short (never inside a surrogate pair) and with
     * control characters escaped as nginx does ({@code \x0D}), so a reason stays one readable line.
     */
    static String quote(String s) {
        int cut = s.length() <= 60 ? s.length() : Character.isHighSurrogate(s.charAt(56)) ? 56 : 57;
        StringBuilder quoted = new StringBuilder(cut + 8).append('\'');
        for (int i = 0; i < cut; i++) {
            char c = s.charAt(i);
            if (Character.isISOControl(c)) {
                quoted.append("\\x").append(HEX.charAt(c >> 4)).append(HEX.charAt(c & 0xf));
            } else {
                quoted.append(c);
            }
        }
        return quoted.append(cut < s.length() ? "...'" : "'").toString();
    }

    static boolean isHttpVersion(String v) {
        if (!v.startsWith("HTTP/")) {
            return false;
        }
        int n = v.length();
        return (n == 6 && isDigit(v.charAt(5)))
                || (n == 8 && isDigit(v.charAt(5)) && v.charAt(6) == '.' && isDigit(v.charAt(7)));
    }

    static boolean isDigit(char c) {
        return c >= '0' && c <= '9';
    }

    /** RFC 9110 token: the characters a method name may hold. */
    static boolean isToken(String s) {
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            boolean tchar = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || isDigit(c)
                    || "!#$%&'*+-.^_`|~".indexOf(c) >= 0;
            if (!tchar) {
                return false;
            }
        }
        return !s.isEmpty();
    }

    /** Whether {@code bytes} are valid UTF-8. */
    static boolean isValidUtf8(byte[] bytes) {
        try {
            StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(bytes));
            return true;
        } catch (CharacterCodingException e) {
            return false;
        }
    }
}
