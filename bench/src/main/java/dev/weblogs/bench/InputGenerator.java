package dev.weblogs.bench;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import java.util.SplittableRandom;
import java.util.StringJoiner;

/**
 * Access log lines in the main format of the contract, like those of the sample log in length (about 250
 * bytes) and variety: IPv4, IPv6 and private clients, users with and without an email, long absolute and
 * relative targets with query strings (JSON included), the usual methods, versions and statuses.
 *
 * <p>Line {@code k} is logged at {@link #BASE} + {@code k} seconds, offset +0000, so every line is distinct
 * and {@code MAX(timestamp)} of a table says, through its index, up to which line the table holds.
 * Deterministic for a seed; lines must be asked for in order.
 */
final class InputGenerator {

    /** The time of line 0; in UTC, as both tables store it for an offset of +0000. */
    static final LocalDateTime BASE = LocalDateTime.of(2024, 1, 1, 0, 0);

    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("dd/MMM/yyyy:HH:mm:ss", Locale.ENGLISH);
    private static final String ALPHANUMERIC = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789";
    private static final String[] FIRST_NAMES = {"ana", "daniel", "elizabeth", "maria", "juan", "carlos", "laura",
        "andres", "paula", "santiago", "valentina", "jorge", "camila", "felipe", "natalia", "sebastian"};
    private static final String[] LAST_NAMES = {"gomez", "rios", "usugal", "beltran", "santa", "rodriguez",
        "martinez", "lopez", "garcia", "hernandez", "restrepo", "castano", "velez", "zapata", "ospina"};
    private static final String[] EMAIL_DOMAINS = {"gmail.com", "crypto.com", "udea.edu.co", "unal.edu.co",
        "biblioteca.unal.edu.co", "hotmail.com", "outlook.com", "eafit.edu.co", "yahoo.es"};
    private static final String[] ORIGINS = {"https://app.knovel.com:443", "http://catalogo.biblioteca.edu.co:80",
        "https://www.redalyc.org:443", "https://scielo.org:443", "https://login.ezproxy.edu.co:8443",
        "https://dialnet.unirioja.es:443", "https://www.scopus.com:443"};
    private static final String[] WORDS = {"neonatal", "sepsis", "biomarkers", "procalcitonin", "c-reactive",
        "protein", "meta-analysis", "boutonniere", "deformities", "climate", "andes", "coffee", "rust", "genome",
        "malaria", "vaccine", "hydrology", "amazon", "soil", "erosion", "policy", "education", "rural", "health"};

    private final SplittableRandom random;
    private final IpPool ips;

    InputGenerator(long seed) {
        this.random = new SplittableRandom(seed);
        this.ips = new IpPool(seed);
    }

    /**
     * A generated log file: its distinct lines, its requests (the lines of the file, repeats included), and
     * their average length in bytes without the newline.
     */
    record InputFile(Path path, long lines, long requests, int averageLength) {
    }

    /** Writes lines {@code 0} to {@code lines - 1}. */
    InputFile write(Path file, long lines) throws IOException {
        return write(file, lines, 0);
    }

    /**
     * Writes lines {@code 0} to {@code lines - 1}; with {@code repeatEvery} above 0, lines 0, repeatEvery,
     * 2 repeatEvery... twice in a row, as a server logs a client that asks for the same URL twice in a second.
     */
    InputFile write(Path file, long lines, int repeatEvery) throws IOException {
        long bytes = 0;
        long requests = 0;
        try (OutputStream out = new BufferedOutputStream(Files.newOutputStream(file), 1 << 16)) {
            for (long k = 0; k < lines; k++) {
                byte[] line = line(k).getBytes(StandardCharsets.UTF_8);
                int times = repeatEvery > 0 && k % repeatEvery == 0 ? 2 : 1;
                for (int i = 0; i < times; i++) {
                    out.write(line);
                    out.write('\n');
                    bytes += line.length;
                    requests++;
                }
            }
        }
        return new InputFile(file, lines, requests, (int) Math.round((double) bytes / Math.max(requests, 1)));
    }

    String line(long k) {
        return ips.pick(random) + ' ' + token(15) + ' ' + user() + " [" + TIME.format(BASE.plusSeconds(k))
                + " +0000] \"" + method() + ' ' + target() + ' ' + version() + "\" " + status() + ' ' + size() + " -";
    }

    private String user() {
        String first = pick(FIRST_NAMES);
        String last = pick(LAST_NAMES);
        return switch (random.nextInt(10)) {
            case 0, 1, 2 -> "-";
            case 3, 4, 5 -> first + '.' + last + '@' + pick(EMAIL_DOMAINS);
            case 6 -> first.charAt(0) + "." + last + '@' + pick(EMAIL_DOMAINS);
            case 7, 8 -> first + '.' + last;
            default -> first + last + random.nextInt(100);
        };
    }

    private String method() {
        int r = random.nextInt(100);
        return r < 72 ? "GET" : r < 88 ? "POST" : r < 92 ? "HEAD" : r < 95 ? "PUT" : r < 98 ? "DELETE" : "OPTIONS";
    }

    /** An absolute target as the sample has them (proxied), or a relative one. */
    private String target() {
        String path = switch (random.nextInt(10)) {
            case 0 -> "/api/entitlements/get-license?post={\"APIKEY\"%3A\"" + uuid() + "\"}";
            case 1 -> "/api/records?filter={\"year\":\"" + random.nextInt(1990, 2024)
                    + "\",\"type\":\"article\"}&fields=title,authors,doi&page=" + random.nextInt(1, 40) + campaign();
            case 2, 3 -> "/search/results?query=" + words("+", 6, 24) + "&sort=relevance&page=" + random.nextInt(1, 20)
                    + campaign();
            case 4 -> "/servlet/articulo?codigo=" + random.nextInt(1_000_000, 9_999_999) + "&info=resumen&idioma=spa"
                    + campaign();
            case 5 -> "/img/" + words("%20", 2, 6) + "-lg.png";
            case 6 -> "/login?qurl=https%3A%2F%2Fwww.scopus.com%2Fsearch%2Fform.uri%3Fdisplay%3Dbasic%26origin%3D"
                    + pick(WORDS);
            case 7 -> "/api/v2/documents/" + uuid() + "/download?format=pdf&token=" + token(32) + campaign();
            case 8 -> "/static/js/app." + token(8) + ".js";
            default -> "/articulo.oa?id=" + random.nextInt(10_000, 999_999) + "&lang=" + (random.nextBoolean() ? "es" : "en");
        };
        return random.nextInt(10) < 8 ? pick(ORIGINS) + path : path;
    }

    /** Tracking parameters, which links from newsletters and search engines carry. */
    private String campaign() {
        return random.nextInt(10) < 6 ? "&utm_source=newsletter&utm_medium=email&utm_campaign=" + pick(WORDS) + "-"
                + random.nextInt(2015, 2024) + "&gclid=" + token(24) : "";
    }

    private String version() {
        int r = random.nextInt(100);
        return r < 80 ? "HTTP/1.1" : r < 95 ? "HTTP/2.0" : "HTTP/1.0";
    }

    private int status() {
        int r = random.nextInt(100);
        return r < 70 ? 200 : r < 78 ? 304 : r < 83 ? 302 : r < 90 ? 404 : r < 93 ? 403 : r < 95 ? 401
                : r < 97 ? 500 : r < 98 ? 503 : 499;
    }

    private String size() {
        if (random.nextInt(20) == 0) {
            return "-";
        }
        return Long.toString((long) Math.exp(random.nextDouble(2, 13)));
    }

    private String words(String separator, int min, int max) {
        StringJoiner joined = new StringJoiner(separator);
        for (int i = random.nextInt(min, max + 1); i > 0; i--) {
            joined.add(pick(WORDS));
        }
        return joined.toString();
    }

    private String uuid() {
        return new java.util.UUID(random.nextLong(), random.nextLong()).toString();
    }

    private String token(int length) {
        StringBuilder token = new StringBuilder(length);
        for (int i = 0; i < length; i++) {
            token.append(ALPHANUMERIC.charAt(random.nextInt(ALPHANUMERIC.length())));
        }
        return token.toString();
    }

    private String pick(String[] values) {
        return values[random.nextInt(values.length)];
    }
}
