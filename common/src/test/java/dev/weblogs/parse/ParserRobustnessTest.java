package dev.weblogs.parse;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.function.Supplier;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.lifecycle.BeforeContainer;

/**
 * Whatever a line holds, the parser answers at once with a record or a non-blank reason, and a well-formed
 * line in any accepted format gives back exactly the parts it was made of.
 */
class ParserRobustnessTest {

    /**
     * Per line, in CPU time of the parsing thread: generous (a line takes microseconds), yet a hang or a
     * quadratic scan of a long line exceeds it; CPU time so that a busy two-core machine or a GC pause
     * elsewhere cannot fail the test.
     */
    private static final long BOUND_NANOS = 50_000_000;

    private static final AccessLogParser PARSER = new AccessLogParser();
    private static final ThreadMXBean THREADS = ManagementFactory.getThreadMXBean();
    private static final String[] MONTHS = {
        "Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"
    };
    /** What the parser's decisions hinge on, for mutations and structured noise. */
    private static final String STRUCTURAL = " []\"-\\:/.0123456789\r\n\t\u0000é\uFFFD";
    private static final String PATH_CHARS =
            "abcxyzABCXYZ0189-._~!$&'()*+,;=:@/?#%{}\"[]|^`\\éßñ用户";
    private static final String TCHARS = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcxyz0189!#$%&'*+-.^_`|~";

    /** A well-formed line and the record it must give. */
    record Sample(String line, AccessLogRecord expected) {
    }

    record Target(String url, String schema, String host) {
    }

    /** Status, size and what follows them: the part that tells the formats apart. */
    record Ending(int status, long size, String sizeText, String tail) {
    }

    @BeforeContainer
    static void warmUp() {
        // Class loading and the interpreter belong to the first lines only, not to the per-line bound.
        for (int i = 0; i < 20_000; i++) {
            PARSER.parse(AccessLogParserTest.EXAMPLE);
            PARSER.parse(AccessLogParserTest.EXAMPLE.substring(0, i % AccessLogParserTest.EXAMPLE.length()));
            PARSER.parse(AccessLogParserTest.EXAMPLE.getBytes(StandardCharsets.UTF_8));
        }
    }

    // ---- the invariant ----

    static ParseResult checkedParse(String line) {
        return timed(() -> PARSER.parse(line), line.length());
    }

    static ParseResult checkedParse(byte[] line) {
        return timed(() -> PARSER.parse(line), line.length);
    }

    /** Parses once; never throws, gives a record or a non-blank reason, within the bound. */
    private static ParseResult timed(Supplier<ParseResult> parse, int length) {
        long start = cpuNanos();
        ParseResult result = parse.get();
        long took = cpuNanos() - start;
        assertTrue(took < BOUND_NANOS, "parsing a line of " + length + " took " + took / 1_000_000 + " ms");
        assertNotNull(result);
        if (result instanceof ParseResult.Rejected rejected) {
            assertNotNull(rejected.reason());
            assertFalse(rejected.reason().isBlank(), "blank reason");
            assertFalse(rejected.reason().contains("\n"), "a reason is one line");
        } else {
            assertNotNull(((ParseResult.Parsed) result).record());
        }
        return result;
    }

    private static long cpuNanos() {
        return THREADS.isCurrentThreadCpuTimeSupported() ? THREADS.getCurrentThreadCpuTime() : System.nanoTime();
    }

    /** A record parsed from any line is made of pieces of that line. */
    static void assertPiecesOf(String line, ParseResult result) {
        if (result instanceof ParseResult.Parsed parsed) {
            AccessLogRecord r = parsed.record();
            assertTrue(line.startsWith(r.ip() + " "), "ip");
            assertTrue(IpLiteral.isValid(r.ip()), "ip");
            assertTrue(line.contains("] \"" + r.method() + " " + r.url() + " " + r.version() + "\" "
                    + String.format("%03d ", r.status())), "request and status");
            assertTrue(r.sizeBytes() >= 0, "size");
        }
    }

    // ---- noise ----

    @Property(tries = 3000)
    void anyStringIsARecordOrARejection(@ForAll("anyText") String line) {
        assertPiecesOf(line, checkedParse(line));
    }

    @Property(tries = 3000)
    void anyBytesAreARecordOrARejection(@ForAll("anyBytes") byte[] line) {
        ParseResult result = checkedParse(line);
        String decoded = new String(line, StandardCharsets.UTF_8);
        if (!Arrays.equals(decoded.getBytes(StandardCharsets.UTF_8), line)) {
            assertEquals(new ParseResult.Rejected("line is not valid UTF-8"), result);
        }
    }

    @Property(tries = 3000)
    void structuredNoiseIsARecordOrARejection(@ForAll("structuralText") String line) {
        assertPiecesOf(line, checkedParse(line));
    }

    @Property(tries = 2000)
    void bytesAndTextOfTheSameLineGiveTheSameResult(@ForAll("anyText") String text) {
        String line = text.codePoints().filter(c -> c < Character.MIN_SURROGATE || c > Character.MAX_SURROGATE)
                .collect(StringBuilder::new, StringBuilder::appendCodePoint, StringBuilder::append).toString();

        assertEquals(checkedParse(line), checkedParse(line.getBytes(StandardCharsets.UTF_8)));
    }

    // ---- well-formed lines and their mutations ----

    @Property(tries = 2000)
    void wellFormedLineGivesExactlyItsParts(@ForAll("wellFormedLines") Sample sample) {
        assertEquals(new ParseResult.Parsed(sample.expected()), checkedParse(sample.line()));
        assertEquals(new ParseResult.Parsed(sample.expected()),
                checkedParse(sample.line().getBytes(StandardCharsets.UTF_8)));
    }

    @Property(tries = 2000)
    void dataLakeFindsTheTimeTheParserReads(@ForAll("wellFormedLines") Sample sample) {
        assertEquals(sample.expected().time(), LogTime.find(sample.line()));
    }

    @Property(tries = 4000)
    void mutatedLineIsARecordOrARejection(@ForAll("wellFormedLines") Sample sample,
                                          @ForAll("mutations") List<Mutation> mutations) {
        String line = sample.line();
        for (Mutation mutation : mutations) {
            line = mutation.apply(line);
        }
        assertPiecesOf(line, checkedParse(line));
        checkedParse(line.getBytes(StandardCharsets.UTF_8));
    }

    @Property(tries = 1000)
    void mutatedBytesAreARecordOrARejection(@ForAll("wellFormedLines") Sample sample,
                                            @ForAll @IntRange(min = 0, max = 10_000) int where,
                                            @ForAll("badBytes") byte bad) {
        byte[] line = sample.line().getBytes(StandardCharsets.UTF_8);
        line[where % line.length] = bad;

        checkedParse(line);
    }

    @Property(tries = 300)
    void everyTruncationIsARecordOrARejection(@ForAll("wellFormedLines") Sample sample) {
        String line = sample.line();
        for (int length = 0; length < line.length(); length++) {
            String prefix = line.substring(0, length);
            assertPiecesOf(prefix, checkedParse(prefix));
        }
        assertEquals(new ParseResult.Parsed(sample.expected()), checkedParse(line));
    }

    // ---- long lines ----

    @Property(tries = 20)
    void hundredThousandCharacterUrlIsParsedWhole(@ForAll("wellFormedLines") Sample sample,
                                                   @ForAll("longPaths") String path) {
        AccessLogRecord e = sample.expected();
        String line = sample.line().replace(" " + e.url() + " " + e.version() + "\"",
                " " + path + " " + e.version() + "\"");
        AccessLogRecord expected = new AccessLogRecord(e.ip(), e.session(), e.user(), e.time(), e.method(), path,
                null, null, e.version(), e.status(), e.sizeBytes());

        assertEquals(new ParseResult.Parsed(expected), checkedParse(line));
    }

    @Property(tries = 20)
    void hundredThousandCharactersOfNoiseAreRejectedInTime(@ForAll("longNoise") String line) {
        assertPiecesOf(line, checkedParse(line));
    }

    @Property(tries = 40)
    void hundredThousandCharactersOfRepeatedTrapsAreAnsweredInTime(@ForAll("traps") String trap) {
        String prefix = "1.2.3.4 - - [01/Mar/2023:00:00:09 -0500] \"GET /";
        StringBuilder line = new StringBuilder(prefix);
        while (line.length() < 100_000) {
            line.append(trap);
        }
        String onlyTraps = trap.repeat(100_000 / trap.length() + 1);
        String closed = line + " HTTP/1.1\" 200 1 -";

        assertPiecesOf(line.toString(), checkedParse(line.toString()));
        assertPiecesOf(onlyTraps, checkedParse(onlyTraps));
        assertPiecesOf(closed, checkedParse(closed));
    }

    // ---- generators ----

    @Provide
    Arbitrary<String> anyText() {
        return Arbitraries.strings().all().ofMaxLength(300);
    }

    @Provide
    Arbitrary<byte[]> anyBytes() {
        return Arbitraries.bytes().array(byte[].class).ofMaxSize(300);
    }

    @Provide
    Arbitrary<String> structuralText() {
        return Arbitraries.strings().withChars(STRUCTURAL + "GETHP/1aA@").ofMaxLength(200);
    }

    @Provide
    Arbitrary<Byte> badBytes() {
        return Arbitraries.of((byte) 0x80, (byte) 0xBF, (byte) 0xC0, (byte) 0xC3, (byte) 0xE2, (byte) 0xED,
                (byte) 0xF0, (byte) 0xF5, (byte) 0xFF, (byte) 0x00, (byte) '"', (byte) '[', (byte) ' ');
    }

    @Provide
    Arbitrary<String> longPaths() {
        return Arbitraries.strings().withChars(PATH_CHARS).ofLength(100_000).map(p -> "/" + p);
    }

    @Provide
    Arbitrary<String> longNoise() {
        return Arbitraries.oneOf(
                Arbitraries.strings().withChars(STRUCTURAL).ofLength(100_000),
                Arbitraries.strings().all().ofLength(100_000),
                Arbitraries.strings().withChars(STRUCTURAL).ofLength(100_000)
                        .map(noise -> "1.2.3.4 - - [01/Mar/2023:00:00:09 -0500] \"" + noise));
    }

    @Provide
    Arbitrary<String> traps() {
        return Arbitraries.of("\"", " ", "[", "]", "\" 200 1 ", "\" 200 1 \"", "\" 200 1 -", "\" 200 1 - ",
                "\" 200 1 \"x\" ", "\" 200 1 \"\\", "\\\" 200 1 ", "\" 200 1 \"\\\" 200 1 ", "\" 200 - \"",
                "\" 200 12345678901234567890", "{\"k\":\"v\"}", " HTTP/1.1\" 200 1 x",
                "[01/Mar/2023:00:00:09 -0500] ", "\" 200 1 - - - - - - - - x");
    }

    @Provide
    Arbitrary<List<Mutation>> mutations() {
        Arbitrary<Mutation> one = Combinators.combine(
                Arbitraries.of(Mutation.Kind.class),
                Arbitraries.doubles().between(0, 1),
                Arbitraries.integers().between(1, 12),
                Arbitraries.strings().withChars(STRUCTURAL).ofMinLength(1).ofMaxLength(3))
                .as(Mutation::new);
        return one.list().ofMinSize(1).ofMaxSize(6);
    }

    @Provide
    Arbitrary<Sample> wellFormedLines() {
        Arbitrary<String> session = Arbitraries.oneOf(Arbitraries.just("-"),
                Arbitraries.strings().alpha().numeric().ofMinLength(1).ofMaxLength(20));
        return Combinators.combine(ips(), session, users(), times(), methods(), targets(),
                        Arbitraries.of("HTTP/1.0", "HTTP/1.1", "HTTP/2.0", "HTTP/2", "HTTP/3.0"), endings())
                .as((ip, sess, user, time, method, target, version, ending) -> new Sample(
                        ip + " " + sess + " " + user + " [" + render(time) + "] \"" + method + " " + target.url()
                                + " " + version + "\" " + String.format("%03d", ending.status()) + " "
                                + ending.sizeText() + ending.tail(),
                        new AccessLogRecord(ip, dashToNull(sess), dashToNull(user), time, method, target.url(),
                                target.schema(), target.host(), version, ending.status(), ending.size())));
    }

    private static Arbitrary<String> ips() {
        Arbitrary<Integer> octet = Arbitraries.integers().between(0, 255);
        Arbitrary<String> v4 = Combinators.combine(octet, octet, octet, octet)
                .as((a, b, c, d) -> a + "." + b + "." + c + "." + d);
        Arbitrary<String> v6 = Arbitraries.integers().between(0, 0xffff).list().ofSize(8)
                .map(groups -> String.join(":", groups.stream().map(Integer::toHexString).toList()));
        return Arbitraries.oneOf(v4, v6, Arbitraries.of("::1", "2001:db8::7", "::ffff:192.0.2.1", "fe80::1:2"));
    }

    private static Arbitrary<String> users() {
        Arbitrary<String> login = Arbitraries.strings().withChars("abcxyzABCXYZ019._-").ofMinLength(1).ofMaxLength(20);
        Arbitrary<String> domain = Arbitraries.strings().withChars("abcxyz019-").ofMinLength(1).ofMaxLength(10)
                .map(label -> "@" + label + ".example");
        return Arbitraries.oneOf(Arbitraries.just("-"), login,
                Combinators.combine(login, domain).as(String::concat),
                Arbitraries.strings().withChars("joséJOSÉpérezñü用户名[]\"").ofMinLength(1).ofMaxLength(15),
                Arbitraries.just("emoji😀user"));
    }

    private static Arbitrary<OffsetDateTime> times() {
        return Combinators.combine(
                        Arbitraries.longs().between(-2_208_988_800L, 4_102_444_800L),  // 1900 to 2100
                        Arbitraries.integers().between(-18 * 60, 18 * 60))
                .as((epoch, offsetMinutes) -> OffsetDateTime.ofInstant(Instant.ofEpochSecond(epoch),
                        ZoneOffset.ofTotalSeconds(offsetMinutes * 60)));
    }

    /** {@code dd/Mon/yyyy:HH:mm:ss +hhmm}, as nginx writes {@code $time_local}. */
    static String render(OffsetDateTime t) {
        int offset = t.getOffset().getTotalSeconds() / 60;
        return String.format(Locale.ROOT, "%02d/%s/%04d:%02d:%02d:%02d %s%02d%02d", t.getDayOfMonth(),
                MONTHS[t.getMonthValue() - 1], t.getYear(), t.getHour(), t.getMinute(), t.getSecond(),
                offset < 0 ? "-" : "+", Math.abs(offset) / 60, Math.abs(offset) % 60);
    }

    private static Arbitrary<String> methods() {
        return Arbitraries.oneOf(
                Arbitraries.of("GET", "POST", "HEAD", "PUT", "DELETE", "PATCH", "OPTIONS", "TRACE", "PROPFIND"),
                Arbitraries.strings().withChars(TCHARS).ofMinLength(1).ofMaxLength(AccessLogRecord.MAX_METHOD)
                        .filter(m -> !m.equals("CONNECT")));
    }

    private static Arbitrary<Target> targets() {
        Arbitrary<String> path = Arbitraries.strings().withChars(PATH_CHARS).ofMaxLength(80);
        Arbitrary<Target> relative = path.map(p -> new Target("/" + p, null, null));
        Arbitrary<String> host = Arbitraries.strings().withChars("abcxyzABCXYZ019.-ü").ofMinLength(1).ofMaxLength(30);
        Arbitrary<String> port = Arbitraries.oneOf(Arbitraries.just(""),
                Arbitraries.integers().between(1, 65535).map(p -> ":" + p));
        Arbitrary<String> rest = Arbitraries.oneOf(Arbitraries.just(""),
                Combinators.combine(Arbitraries.of("/", "?", "#"), path).as(String::concat));
        Arbitrary<Target> absolute = Combinators.combine(
                        Arbitraries.of("http", "https", "HTTP", "Https", "ws", "ftp", "git+ssh"), host, port, rest)
                .as((scheme, h, p, r) -> new Target(scheme + "://" + h + p + r, scheme.toLowerCase(Locale.ROOT),
                        h.toLowerCase(Locale.ROOT)));
        return Arbitraries.oneOf(relative, absolute, Arbitraries.just(new Target("*", null, null)));
    }

    private static Arbitrary<Ending> endings() {
        Arbitrary<String> quotable = Arbitraries.strings().withChars("abcXYZ019 ()/;:.,-_=é").ofMaxLength(60);
        Arbitrary<String> referer = Arbitraries.oneOf(Arbitraries.just("-"), quotable.map(q -> "https://x/" + q));
        Arbitrary<String> tail = Arbitraries.oneOf(
                Arbitraries.just(" -"),                                              // main
                Arbitraries.just(""),                                                // common
                Combinators.combine(referer, quotable).as((r, ua) -> " \"" + r + "\" \"" + ua + "\""));  // combined
        Arbitrary<Long> size = Arbitraries.oneOf(Arbitraries.just(-1L),
                Arbitraries.longs().between(0, 999_999_999_999_999_999L));
        return Combinators.combine(Arbitraries.integers().between(0, 999), size, tail)
                .as((status, s, t) -> new Ending(status, Math.max(s, 0), s < 0 ? "-" : Long.toString(s), t));
    }

    private static String dashToNull(String field) {
        return field.equals("-") ? null : field;
    }

    /** One edit of a line, at a relative position so that it applies to a line of any length. */
    record Mutation(Kind kind, double where, int length, String text) {

        enum Kind { DELETE, INSERT, DUPLICATE, REPLACE, SWAP }

        String apply(String line) {
            if (line.isEmpty()) {
                return kind == Kind.INSERT ? text : line;
            }
            int at = (int) (where * line.length()) % line.length();
            int to = Math.min(line.length(), at + length);
            return switch (kind) {
                case DELETE -> line.substring(0, at) + line.substring(to);
                case INSERT -> line.substring(0, at) + text + line.substring(at);
                case DUPLICATE -> line.substring(0, to) + line.substring(at);
                case REPLACE -> line.substring(0, at) + text + line.substring(Math.min(line.length(), at + 1));
                case SWAP -> at + 1 < line.length()
                        ? line.substring(0, at) + line.charAt(at + 1) + line.charAt(at) + line.substring(at + 2)
                        : line;
            };
        }
    }
}
