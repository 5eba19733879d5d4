package dev.weblogs.dashboard.support;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.HexFormat;
import java.util.Locale;

/**
 * A clean-log row of a test fixture, with the raw line it came from. Built with {@link #of} and the
 * {@code with...} methods; the id is the MD5 of the line, as the writers make it.
 */
public record Row(String line, LocalDateTime time, String ip, String country, String city, String user,
                  String method, String url, String host, String version, int status, String reason, long size,
                  String referrer, String userAgent, int occurrences) {

    private static final DateTimeFormatter NGINX_TIME = DateTimeFormatter.ofPattern("dd/MMM/yyyy:HH:mm:ss", Locale.US);

    public static Row of(LocalDateTime time, String ip, String url, int status) {
        return new Row(null, time, ip, null, null, null, "GET", url, null, "HTTP/1.1", status, reasonOf(status), 100,
                null, null, 1);
    }

    public String id() {
        try {
            byte[] digest = MessageDigest.getInstance("MD5").digest(rawLine().getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The line in nginx's combined format, unless the fixture gave one. */
    public String rawLine() {
        if (line != null) {
            return line;
        }
        return ip + " - " + (user == null ? "-" : user) + " [" + NGINX_TIME.format(time) + " +0000] \"" + method + " " + url + " " + version
                + "\" " + status + " " + size + " \"" + (referrer == null ? "-" : referrer) + "\" \""
                + (userAgent == null ? "-" : userAgent) + "\"";
    }

    public String emailDomain() {
        return user != null && user.contains("@") ? user.substring(user.indexOf('@')) : null;
    }

    public Row withPlace(String country, String city) {
        return new Row(line, time, ip, country, city, user, method, url, host, version, status, reason, size, referrer,
                userAgent, occurrences);
    }

    public Row withUser(String user) {
        return new Row(line, time, ip, country, city, user, method, url, host, version, status, reason, size, referrer,
                userAgent, occurrences);
    }

    public Row withRequest(String method, String host, String version) {
        return new Row(line, time, ip, country, city, user, method, url, host, version, status, reason, size, referrer,
                userAgent, occurrences);
    }

    public Row withSize(long size) {
        return new Row(line, time, ip, country, city, user, method, url, host, version, status, reason, size, referrer,
                userAgent, occurrences);
    }

    public Row withAgent(String referrer, String userAgent) {
        return new Row(line, time, ip, country, city, user, method, url, host, version, status, reason, size, referrer,
                userAgent, occurrences);
    }

    public Row withOccurrences(int occurrences) {
        return new Row(line, time, ip, country, city, user, method, url, host, version, status, reason, size, referrer,
                userAgent, occurrences);
    }

    public Row withLine(String line) {
        return new Row(line, time, ip, country, city, user, method, url, host, version, status, reason, size, referrer,
                userAgent, occurrences);
    }

    static String reasonOf(int status) {
        return switch (status) {
            case 200 -> "OK";
            case 201 -> "Created";
            case 301 -> "Moved Permanently";
            case 302 -> "Found";
            case 304 -> "Not Modified";
            case 400 -> "Bad Request";
            case 403 -> "Forbidden";
            case 404 -> "Not Found";
            case 500 -> "Internal Server Error";
            case 502 -> "Bad Gateway";
            case 503 -> "Service Unavailable";
            default -> null;
        };
    }
}
