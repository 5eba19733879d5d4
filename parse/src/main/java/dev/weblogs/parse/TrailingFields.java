package dev.weblogs.parse;

/**
 * What may follow the size of an access log line: nothing ({@code common}), {@code -} (the main format), or
 * quoted fields, each after one space: the referrer and the user agent of {@code combined}, and whatever a
 * server adds after them. nginx escapes a quote and a backslash inside a field as {@code \"} and {@code \\}.
 */
final class TrailingFields {

    private TrailingFields() {
    }

    /** Whether {@code s[from, end)} is a valid rest of line. */
    static boolean isValid(String s, int from, int end) {
        int i = from;
        while (i < end) {
            if (s.charAt(i) != ' ' || i + 1 >= end) {
                return false;
            }
            i++;
            char c = s.charAt(i);
            if (c == '-') {
                i++;
            } else if (c == '"') {
                i = closingQuote(s, i + 1, end);
                if (i < 0) {
                    return false;
                }
                i++;
            } else {
                return false;
            }
        }
        return true;
    }

    /**
     * The first two fields of a valid rest of line, unescaped: the referrer and the user agent. A field that is
     * missing, {@code -} or empty is {@code null}.
     */
    static String[] referrerAndUserAgent(String s, int from, int end) {
        String[] fields = new String[2];
        int i = from;
        for (int field = 0; field < 2 && i + 1 < end; field++) {
            i++;
            if (s.charAt(i) == '-') {
                i++;
                continue;
            }
            int close = closingQuote(s, i + 1, end);
            fields[field] = close == i + 1 || close == i + 2 && s.charAt(i + 1) == '-' ? null
                    : unescape(s, i + 1, close);
            i = close + 1;
        }
        return fields;
    }

    /** The index of the {@code "} closing a quoted field that starts at {@code from}; -1 if none. */
    private static int closingQuote(String s, int from, int end) {
        for (int i = from; i < end; i++) {
            char c = s.charAt(i);
            if (c == '\\') {
                i++;
            } else if (c == '"') {
                return i;
            }
        }
        return -1;
    }

    /** {@code \"} and {@code \\} as the characters they stand for; other escapes ({@code \x22}) as written. */
    private static String unescape(String s, int from, int to) {
        if (s.indexOf('\\', from) < 0 || s.indexOf('\\', from) >= to) {
            return s.substring(from, to);
        }
        StringBuilder field = new StringBuilder(to - from);
        for (int i = from; i < to; i++) {
            char c = s.charAt(i);
            if (c == '\\' && i + 1 < to && (s.charAt(i + 1) == '"' || s.charAt(i + 1) == '\\')) {
                field.append(s.charAt(++i));
            } else {
                field.append(c);
            }
        }
        return field.toString();
    }
}
