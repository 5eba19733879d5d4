package dev.weblogs.dashboard.model;

import java.util.Locale;

/** What the panels group URLs by: the path of a request target, and the site of a referrer. */
public final class RequestTarget {

    private RequestTarget() {
    }

    /**
     * The path of a request target, without query string or fragment: {@code /api/x} for both
     * {@code /api/x?y=1} and {@code https://host:443/api/x?y=1}; {@code /} for {@code https://host};
     * {@code *} as it is.
     */
    public static String path(String target) {
        String path = target;
        int scheme = path.indexOf("://");
        if (scheme > 0 && path.charAt(0) != '/') {
            int slash = path.indexOf('/', scheme + 3);
            path = slash < 0 ? "/" : path.substring(slash);
        }
        int end = firstOf(path, '?', '#');
        return end < 0 ? path : path.substring(0, end);
    }

    /**
     * The site a referrer names, as GoAccess's "referring sites": its host in lower case
     * ({@code example.org} for {@code https://Example.org:8443/a?b}); a referrer that is no URL as it is;
     * {@code null} for none.
     */
    public static String site(String referrer) {
        if (referrer == null) {
            return null;
        }
        int scheme = referrer.indexOf("://");
        if (scheme < 0) {
            return referrer;
        }
        String rest = referrer.substring(scheme + 3);
        int at = rest.indexOf('@');
        int end = firstOf(rest, '/', '?', '#');
        if (at >= 0 && (end < 0 || at < end)) {
            rest = rest.substring(at + 1);
            end = firstOf(rest, '/', '?', '#');
        }
        String authority = end < 0 ? rest : rest.substring(0, end);
        int colon = authority.startsWith("[") ? authority.indexOf("]:") + 1 : authority.lastIndexOf(':');
        String host = colon > 0 ? authority.substring(0, colon) : authority;
        return host.isEmpty() ? referrer : host.toLowerCase(Locale.ROOT);
    }

    private static int firstOf(String text, char... marks) {
        int first = -1;
        for (char mark : marks) {
            int at = text.indexOf(mark);
            if (at >= 0 && (first < 0 || at < first)) {
                first = at;
            }
        }
        return first;
    }
}
