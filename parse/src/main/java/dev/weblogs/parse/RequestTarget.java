package dev.weblogs.parse;

import java.util.Locale;

/** Scheme and host of a request target; both {@code null} for a relative target. */
record RequestTarget(String schema, String host) {

    static RequestTarget of(String method, String url) {
        int schemeEnd = url.indexOf("://");
        if (schemeEnd > 0 && schemeEnd <= AccessLogRecord.MAX_SCHEMA && isScheme(url, schemeEnd)) {
            return new RequestTarget(url.substring(0, schemeEnd).toLowerCase(Locale.ROOT),
                    host(url, schemeEnd + 3));
        }
        if (method.equals("CONNECT") && !url.startsWith("/")) {
            return new RequestTarget(null, host(url, 0));
        }
        return new RequestTarget(null, null);
    }

    private static boolean isScheme(String url, int end) {
        char first = url.charAt(0);
        if (!((first >= 'a' && first <= 'z') || (first >= 'A' && first <= 'Z'))) {
            return false;
        }
        for (int i = 1; i < end; i++) {
            char c = url.charAt(i);
            boolean ok = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || Tokens.isDigit(c)
                    || c == '+' || c == '-' || c == '.';
            if (!ok) {
                return false;
            }
        }
        return true;
    }

    /** The host of the authority starting at {@code from}: without user info and port. */
    private static String host(String url, int from) {
        int end = url.length();
        for (int i = from; i < url.length(); i++) {
            char c = url.charAt(i);
            if (c == '/' || c == '?' || c == '#') {
                end = i;
                break;
            }
        }
        String authority = url.substring(from, end);
        authority = authority.substring(authority.lastIndexOf('@') + 1);
        String host;
        if (authority.startsWith("[")) {
            int close = authority.indexOf(']');
            host = close > 0 ? authority.substring(0, close + 1) : authority;
        } else {
            int colon = authority.indexOf(':');
            host = colon >= 0 ? authority.substring(0, colon) : authority;
        }
        return host.isEmpty() ? null : host.toLowerCase(Locale.ROOT);
    }
}
