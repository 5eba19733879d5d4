package dev.weblogs.parse;

import java.nio.charset.StandardCharsets;
import java.time.OffsetDateTime;
import java.util.Locale;

/**
 * Reads one access log line in any of the formats the pipeline accepts:
 *
 * <pre>
 * main:     ip session user [time] "method target version" status size -
 * combined: ip ident user [time] "method target version" status size "referer" "user agent"
 * common:   ip ident user [time] "method target version" status size
 * </pre>
 *
 * <p>The request target may itself hold double quotes (the main format does not escape them), so the
 * request ends at the first {@code "} that is followed by a status, a size and a valid rest of line.
 * A hand-written scanner rather than a regular expression: linear time on any input, so no line, however
 * long or malformed, can make it hang.
 *
 * <p>Thread-safe and stateless.
 */
public final class AccessLogParser {

    /**
     * How many {@code " status size} candidates for the end of the request have their rest of line checked
     * before the line is given up as malformed. Each check may walk the rest of the line, so the bound keeps
     * the parse linear; quotes not followed by a status and a size (JSON in a query string) do not count.
     */
    private static final int MAX_REQUEST_END_CANDIDATES = 64;

    /** Parses the UTF-8 bytes of a line; bytes that are not valid UTF-8 reject it. */
    public ParseResult parse(byte[] utf8Line) {
        String line = new String(utf8Line, StandardCharsets.UTF_8);
        if (line.indexOf('\uFFFD') >= 0 && !Tokens.isValidUtf8(utf8Line)) {
            return rejected("line is not valid UTF-8");
        }
        return parse(line);
    }

    public ParseResult parse(String line) {
        int end = line.length();
        if (end > 0 && line.charAt(end - 1) == '\r') {
            end--;
        }
        if (end == 0) {
            return rejected("empty line");
        }
        if (end > AccessLogRecord.MAX_LINE) {
            return rejected("line longer than " + AccessLogRecord.MAX_LINE + " characters");
        }
        return new LineScanner(line, end).scan();
    }


    private static ParseResult rejected(String reason) {
        return new ParseResult.Rejected(reason);
    }

    /** One pass over one line. */
    private static final class LineScanner {
        private final String s;
        private final int end;
        /** Start of the rest of line after the first status and size that was not a valid rest; -1 if none. */
        private int badTail = -1;

        LineScanner(String s, int end) {
            this.s = s;
            this.end = end;
        }

        ParseResult scan() {
            int ipEnd = s.indexOf(' ');
            if (ipEnd <= 0 || ipEnd >= end) {
                return rejected("no fields: expected 'ip session user [time] \"request\" status size'");
            }
            String ip = s.substring(0, ipEnd);
            if (!IpLiteral.isValid(ip)) {
                return rejected("client address " + Tokens.quote(ip) + " is not an IPv4 or IPv6 address");
            }
            int sessionEnd = tokenEnd(ipEnd + 1);
            if (sessionEnd < 0) {
                return rejected("line ends after the client address");
            }
            int userEnd = tokenEnd(sessionEnd + 1);
            if (userEnd < 0) {
                return rejected("line ends before the time");
            }
            String session = s.substring(ipEnd + 1, sessionEnd);
            String user = s.substring(sessionEnd + 1, userEnd);
            if (session.isEmpty() || user.isEmpty()) {
                return rejected("empty session or user field (two spaces in a row)");
            }
            int timeStart = userEnd + 2;
            int timeEnd = timeStart + LogTime.LENGTH;
            if (userEnd + 1 >= end || s.charAt(userEnd + 1) != '[') {
                return rejected("expected '[' and the time after the user " + Tokens.quote(user));
            }
            if (timeEnd + 2 >= end || s.charAt(timeEnd) != ']' || s.charAt(timeEnd + 1) != ' '
                    || s.charAt(timeEnd + 2) != '"') {
                return rejected("expected '[dd/Mon/yyyy:HH:mm:ss +hhmm] \"' after the user");
            }
            OffsetDateTime time = LogTime.parse(s, timeStart);
            if (time == null) {
                return rejected("time " + Tokens.quote(s.substring(timeStart, timeEnd))
                        + " is not a valid dd/Mon/yyyy:HH:mm:ss +hhmm");
            }
            int requestStart = timeEnd + 3;
            int requestEnd = findRequestEnd(requestStart);
            if (requestEnd < 0 && badTail >= 0) {
                return rejected("unexpected " + Tokens.quote(s.substring(badTail + 1, Math.min(end, badTail + 62)))
                        + " after the status and size: expected nothing, '-' or quoted fields");
            }
            if (requestEnd < 0) {
                return rejected("no closing '\"' followed by a status and a size after the request");
            }
            return finish(ip, session, user, time, s.substring(requestStart, requestEnd), requestEnd);
        }

        private ParseResult finish(String ip, String session, String user, OffsetDateTime time,
                                   String request, int requestEnd) {
            if (request.equals("-") || request.isEmpty()) {
                return rejected("no request line (the client sent none)");
            }
            int methodEnd = request.indexOf(' ');
            int versionStart = request.lastIndexOf(' ') + 1;
            if (methodEnd <= 0 || versionStart <= methodEnd + 1) {
                return rejected("request " + Tokens.quote(request) + " is not 'method target version'");
            }
            if (versionStart == methodEnd + 2) {
                return rejected("request " + Tokens.quote(request) + " has an empty target");
            }
            String method = request.substring(0, methodEnd);
            String url = request.substring(methodEnd + 1, versionStart - 1);
            String version = request.substring(versionStart);
            if (!Tokens.isToken(method) || method.length() > AccessLogRecord.MAX_METHOD) {
                return rejected("method " + Tokens.quote(method) + " is not an HTTP method token");
            }
            if (!Tokens.isHttpVersion(version)) {
                return rejected("request " + Tokens.quote(request) + " has no HTTP version");
            }
            String sessionOrNull = dashToNull(session);
            String userOrNull = dashToNull(user);
            if (sessionOrNull != null && sessionOrNull.length() > AccessLogRecord.MAX_SESSION) {
                return rejected("session longer than " + AccessLogRecord.MAX_SESSION + " characters");
            }
            if (userOrNull != null && userOrNull.length() > AccessLogRecord.MAX_USER) {
                return rejected("user longer than " + AccessLogRecord.MAX_USER + " characters");
            }
            RequestTarget target = RequestTarget.of(method, url);
            if (target.host() != null && target.host().length() > AccessLogRecord.MAX_HOST) {
                return rejected("host longer than " + AccessLogRecord.MAX_HOST + " characters");
            }
            int status = threeDigits(requestEnd + 2);
            int sizeStart = requestEnd + 6;
            int sizeEnd = tokenEndOrEnd(sizeStart);
            long size = size(sizeStart, sizeEnd);
            if (size < 0) {
                return rejected("size " + Tokens.quote(s.substring(sizeStart, sizeEnd)) + " is too large");
            }
            String[] trailing = TrailingFields.referrerAndUserAgent(s, sizeEnd, end);
            return new ParseResult.Parsed(new AccessLogRecord(ip, sessionOrNull, userOrNull, time, method, url,
                    target.schema(), target.host(), version, status, size, trailing[0], trailing[1]));
        }

        /**
         * The index of the {@code "} that closes the request: the first one followed by
         * {@code " status size} and a valid rest of line; -1 if there is none.
         */
        private int findRequestEnd(int from) {
            int candidates = 0;
            for (int q = s.indexOf('"', from); q >= 0 && q < end; q = s.indexOf('"', q + 1)) {
                if (!isStatusAndSize(q)) {
                    continue;
                }
                int tail = tokenEndOrEnd(q + 6);
                if (TrailingFields.isValid(s, tail, end)) {
                    return q;
                }
                if (badTail < 0) {
                    badTail = tail;
                }
                if (++candidates >= MAX_REQUEST_END_CANDIDATES) {
                    return -1;
                }
            }
            return -1;
        }

        private boolean isStatusAndSize(int quote) {
            if (quote + 6 >= end || s.charAt(quote + 1) != ' ' || threeDigits(quote + 2) < 0
                    || s.charAt(quote + 5) != ' ') {
                return false;
            }
            int sizeEnd = tokenEndOrEnd(quote + 6);
            if (sizeEnd == quote + 6) {
                return false;
            }
            if (sizeEnd == quote + 7 && s.charAt(quote + 6) == '-') {
                return true;
            }
            for (int i = quote + 6; i < sizeEnd; i++) {
                if (s.charAt(i) < '0' || s.charAt(i) > '9') {
                    return false;
                }
            }
            return true;
        }

        private int threeDigits(int at) {
            int value = 0;
            for (int i = at; i < at + 3; i++) {
                char c = s.charAt(i);
                if (c < '0' || c > '9') {
                    return -1;
                }
                value = value * 10 + (c - '0');
            }
            return value;
        }

        /** Size in bytes, 0 for {@code -}, -1 when it does not fit a long. */
        private long size(int from, int to) {
            if (to - from == 1 && s.charAt(from) == '-') {
                return 0;
            }
            if (to - from > 18) {
                return -1;
            }
            return Long.parseLong(s, from, to, 10);
        }

        /** End of the space-delimited token starting at {@code from}, or -1 when the line ends first. */
        private int tokenEnd(int from) {
            int space = s.indexOf(' ', from);
            return space < 0 || space >= end ? -1 : space;
        }

        private int tokenEndOrEnd(int from) {
            int space = s.indexOf(' ', from);
            return space < 0 || space >= end ? end : space;
        }
    }

    private static String dashToNull(String field) {
        return field.equals("-") ? null : field;
    }

}
