package dev.weblogs.parse;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.function.Supplier;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Whatever a line holds, the parser answers at once with a record or a non-blank reason, and a well-formed
 * line in any accepted format gives back exactly the parts it was made of.
 *
 * <p>Each test checks one property on many generated inputs. The seeds are fixed so that a run is
 * reproducible; a failure names the property's seed, the try and that try's own seed, from which
 * {@code new SplittableRandom(trySeed)} and the generator alone rebuild the failing input.
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
    private static final String ALPHANUMERIC = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789";
    /** Bytes that break UTF-8 (stray continuations, overlong and surrogate leads, 0xF5+) or the structure. */
    private static final byte[] BAD_BYTES = {
        (byte) 0x80, (byte) 0xBF, (byte) 0xC0, (byte) 0xC3, (byte) 0xE2, (byte) 0xED,
        (byte) 0xF0, (byte) 0xF5, (byte) 0xFF, (byte) 0x00, (byte) '"', (byte) '[', (byte) ' '
    };
    /** Pieces that look like the end of a request; repeated, they would make a naive scan quadratic. */
    private static final String[] TRAPS = {
        "\"", " ", "[", "]", "\" 200 1 ", "\" 200 1 \"", "\" 200 1 -", "\" 200 1 - ",
        "\" 200 1 \"x\" ", "\" 200 1 \"\\", "\\\" 200 1 ", "\" 200 1 \"\\\" 200 1 ", "\" 200 - \"",
        "\" 200 12345678901234567890", "{\"k\":\"v\"}", " HTTP/1.1\" 200 1 x",
        "[01/Mar/2023:00:00:09 -0500] ", "\" 200 1 - - - - - - - - x"
    };
    private static final String TRAP_PREFIX = "1.2.3.4 - - [01/Mar/2023:00:00:09 -0500] \"GET /";
    private static final int LONG = 100_000;

    /** A well-formed line and the record it must give. */
    record Sample(String line, AccessLogRecord expected) {
    }

    record Target(String url, String schema, String host) {
    }

    /** Status, size and what follows them: the part that tells the formats apart. */
    record Ending(int status, long size, String sizeText, String tail, String referrer, String userAgent) {
    }

    /** A well-formed line after some edits. */
    record Mutated(Sample sample, List<Mutation> mutations, String line) {
    }

    private static final String EXAMPLE = "181.58.38.180 YWN6Z2YRMwbb1KF elizabeth.usugal@crypto.com "
            + "[01/Mar/2023:00:00:09 -0500] \"GET https://app.knovel.com:443/api/entitlements/get-license"
            + "?post={\"APIKEY\"%3A\"EE109DAC-756e-009d-1611-76371a443ed6\"} HTTP/1.1\" 200 1386 -";

    @BeforeAll
    static void warmUp() {
        // Class loading and the interpreter belong to the first lines only, not to the per-line bound.
        for (int i = 0; i < 20_000; i++) {
            PARSER.parse(EXAMPLE);
            PARSER.parse(EXAMPLE.substring(0, i % EXAMPLE.length()));
            PARSER.parse(EXAMPLE.getBytes(StandardCharsets.UTF_8));
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

    @Test
    void anyStringIsARecordOrARejection() {
        forAll(0x5EED_01L, 3000, r -> anyText(r, 300), ParserRobustnessTest::show,
                line -> assertPiecesOf(line, checkedParse(line)));
    }

    @Test
    void anyBytesAreARecordOrARejection() {
        forAll(0x5EED_02L, 3000, ParserRobustnessTest::anyBytes, ParserRobustnessTest::show, line -> {
            ParseResult result = checkedParse(line);
            String decoded = new String(line, StandardCharsets.UTF_8);
            if (!Arrays.equals(decoded.getBytes(StandardCharsets.UTF_8), line)) {
                assertEquals(new ParseResult.Rejected("line is not valid UTF-8"), result);
            }
        });
    }

    @Test
    void structuredNoiseIsARecordOrARejection() {
        forAll(0x5EED_03L, 3000, r -> text(r, STRUCTURAL + "GETHP/1aA@", 0, 200), ParserRobustnessTest::show,
                line -> assertPiecesOf(line, checkedParse(line)));
    }

    @Test
    void bytesAndTextOfTheSameLineGiveTheSameResult() {
        // Without lone surrogates, which have no UTF-8 form; pairs stay.
        forAll(0x5EED_04L, 2000, r -> withoutLoneSurrogates(anyText(r, 300)), ParserRobustnessTest::show,
                line -> assertEquals(checkedParse(line), checkedParse(line.getBytes(StandardCharsets.UTF_8))));
    }

    // ---- well-formed lines and their mutations ----

    @Test
    void wellFormedLineGivesExactlyItsParts() {
        forAll(0x5EED_05L, 2000, ParserRobustnessTest::wellFormedLine, s -> show(s.line()), sample -> {
            assertEquals(new ParseResult.Parsed(sample.expected()), checkedParse(sample.line()));
            assertEquals(new ParseResult.Parsed(sample.expected()),
                    checkedParse(sample.line().getBytes(StandardCharsets.UTF_8)));
        });
    }

    @Test
    void dataLakeFindsTheTimeTheParserReads() {
        forAll(0x5EED_06L, 2000, ParserRobustnessTest::wellFormedLine, s -> show(s.line()),
                sample -> assertEquals(sample.expected().time(), LogTime.find(sample.line())));
    }

    @Test
    void mutatedLineIsARecordOrARejection() {
        forAll(0x5EED_07L, 4000, ParserRobustnessTest::mutatedLine,
                m -> show(m.line()) + ", made from " + show(m.sample().line()) + " by " + m.mutations(),
                mutated -> {
                    assertPiecesOf(mutated.line(), checkedParse(mutated.line()));
                    checkedParse(mutated.line().getBytes(StandardCharsets.UTF_8));
                });
    }

    @Test
    void mutatedBytesAreARecordOrARejection() {
        forAll(0x5EED_08L, 1000, r -> {
            byte[] line = wellFormedLine(r).line().getBytes(StandardCharsets.UTF_8);
            line[(int) between(r, 0, 10_000) % line.length] = BAD_BYTES[r.nextInt(BAD_BYTES.length)];
            return line;
        }, ParserRobustnessTest::show, ParserRobustnessTest::checkedParse);
    }

    @Test
    void everyTruncationIsARecordOrARejection() {
        forAll(0x5EED_09L, 300, ParserRobustnessTest::wellFormedLine, s -> show(s.line()), sample -> {
            String line = sample.line();
            for (int length = 0; length < line.length(); length++) {
                String prefix = line.substring(0, length);
                assertPiecesOf(prefix, checkedParse(prefix));
            }
            assertEquals(new ParseResult.Parsed(sample.expected()), checkedParse(line));
        });
    }

    // ---- long lines ----

    @Test
    void hundredThousandCharacterUrlIsParsedWhole() {
        forAll(0x5EED_0AL, 20, r -> {
            Sample sample = wellFormedLine(r);
            String path = "/" + text(r, PATH_CHARS, LONG, LONG);
            AccessLogRecord e = sample.expected();
            String line = sample.line().replace(" " + e.url() + " " + e.version() + "\"",
                    " " + path + " " + e.version() + "\"");
            return new Sample(line, new AccessLogRecord(e.ip(), e.session(), e.user(), e.time(), e.method(), path,
                    null, null, e.version(), e.status(), e.sizeBytes(), e.referrer(), e.userAgent()));
        }, s -> show(s.line()), sample -> assertEquals(new ParseResult.Parsed(sample.expected()),
                checkedParse(sample.line())));
    }

    @Test
    void hundredThousandCharactersOfNoiseAreRejectedInTime() {
        forAll(0x5EED_0BL, 20, r -> switch (r.nextInt(3)) {
            case 0 -> text(r, STRUCTURAL, LONG, LONG);
            case 1 -> anyText(r, LONG, LONG);
            default -> "1.2.3.4 - - [01/Mar/2023:00:00:09 -0500] \"" + text(r, STRUCTURAL, LONG, LONG);
        }, ParserRobustnessTest::show, line -> assertPiecesOf(line, checkedParse(line)));
    }

    @Test
    void hundredThousandCharactersOfRepeatedTrapsAreAnsweredInTime() {
        // Every trap on its own, then random pairs of them, which interleave two kinds of near miss.
        List<String> traps = new ArrayList<>(List.of(TRAPS));
        SplittableRandom pairs = new SplittableRandom(0x5EED_0CL);
        while (traps.size() < 40) {
            traps.add(TRAPS[pairs.nextInt(TRAPS.length)] + TRAPS[pairs.nextInt(TRAPS.length)]);
        }
        forEach(traps, trap -> {
            StringBuilder line = new StringBuilder(TRAP_PREFIX);
            while (line.length() < LONG) {
                line.append(trap);
            }
            String onlyTraps = trap.repeat(LONG / trap.length() + 1);
            String closed = line + " HTTP/1.1\" 200 1 -";

            assertPiecesOf(line.toString(), checkedParse(line.toString()));
            assertPiecesOf(onlyTraps, checkedParse(onlyTraps));
            assertPiecesOf(closed, checkedParse(closed));
        });
    }

    // ---- running a property ----

    /**
     * Checks {@code property} on {@code tries} generated inputs. Each try draws from its own generator, seeded
     * from the property's seed, so that the message of a failure is enough to rebuild the failing input alone.
     */
    private static <T> void forAll(long seed, int tries, Function<SplittableRandom, T> generator,
                                   Function<T, String> show, Consumer<T> property) {
        SplittableRandom seeds = new SplittableRandom(seed);
        for (int attempt = 1; attempt <= tries; attempt++) {
            long trySeed = seeds.nextLong();
            T input = generator.apply(new SplittableRandom(trySeed));
            String where = String.format("try %d of %d (seed 0x%X, try seed %dL)", attempt, tries, seed, trySeed);
            holds(property, input, where, show);
        }
    }

    /** Checks {@code property} on each of a fixed list of inputs. */
    private static void forEach(List<String> inputs, Consumer<String> property) {
        for (int i = 0; i < inputs.size(); i++) {
            holds(property, inputs.get(i), "case " + (i + 1) + " of " + inputs.size(), ParserRobustnessTest::show);
        }
    }

    private static <T> void holds(Consumer<T> property, T input, String where, Function<T, String> show) {
        try {
            property.accept(input);
        } catch (AssertionError | RuntimeException | StackOverflowError e) {
            // Whatever the parser threw counts as a failure too: it must never throw.
            fail(where + " failed: " + e + "\n  input: " + show.apply(input), e);
        }
    }

    // ---- generators: noise ----

    /** Up to {@code max} characters from all of Unicode: any UTF-16 unit, lone surrogates included, or a pair. */
    private static String anyText(SplittableRandom r, int max) {
        return anyText(r, 0, max);
    }

    private static String anyText(SplittableRandom r, int min, int max) {
        int length = length(r, min, max);
        StringBuilder text = new StringBuilder(length + 1);
        while (text.length() < length) {
            if (r.nextInt(8) == 0) {
                text.appendCodePoint(r.nextInt(Character.MIN_SUPPLEMENTARY_CODE_POINT, Character.MAX_CODE_POINT + 1));
            } else {
                text.append((char) r.nextInt(Character.MAX_VALUE + 1));
            }
        }
        return text.toString();
    }

    /** Between {@code min} and {@code max} characters drawn from {@code chars}. */
    private static String text(SplittableRandom r, String chars, int min, int max) {
        int length = length(r, min, max);
        StringBuilder text = new StringBuilder(length);
        for (int i = 0; i < length; i++) {
            text.append(chars.charAt(r.nextInt(chars.length())));
        }
        return text.toString();
    }

    /**
     * Up to 300 bytes: random bytes (mostly invalid UTF-8), or the UTF-8 of a text, cut anywhere (perhaps inside
     * a character) and with a few bytes broken, so that valid multi-byte characters appear too.
     */
    private static byte[] anyBytes(SplittableRandom r) {
        if (r.nextBoolean()) {
            byte[] bytes = new byte[length(r, 0, 300)];
            r.nextBytes(bytes);
            return bytes;
        }
        byte[] text = withoutLoneSurrogates(anyText(r, 150)).getBytes(StandardCharsets.UTF_8);
        byte[] bytes = Arrays.copyOf(text, Math.min(text.length, length(r, 0, 300)));
        for (int broken = r.nextInt(4); broken > 0 && bytes.length > 0; broken--) {
            bytes[r.nextInt(bytes.length)] = BAD_BYTES[r.nextInt(BAD_BYTES.length)];
        }
        return bytes;
    }

    private static String withoutLoneSurrogates(String text) {
        return text.codePoints().filter(c -> c < Character.MIN_SURROGATE || c > Character.MAX_SURROGATE)
                .collect(StringBuilder::new, StringBuilder::appendCodePoint, StringBuilder::append).toString();
    }

    /** A length in [min, max]: the bounds now and then, short ones often, as bugs gather at the edges. */
    private static int length(SplittableRandom r, int min, int max) {
        return switch (r.nextInt(10)) {
            case 0 -> min;
            case 1 -> max;
            case 2, 3, 4 -> min + r.nextInt(Math.min(max - min, 10) + 1);
            default -> r.nextInt(min, max + 1);
        };
    }

    /** A value in [min, max]: the bounds themselves now and then, where off-by-ones hide. */
    private static long between(SplittableRandom r, long min, long max) {
        int dice = r.nextInt(16);
        return dice == 0 ? min : dice == 1 ? max : r.nextLong(min, max + 1);
    }

    // ---- generators: well-formed lines ----

    /** A line in the main, common or combined format, and the record it must give. */
    static Sample wellFormedLine(SplittableRandom r) {
        String ip = ip(r);
        String session = r.nextBoolean() ? "-" : text(r, ALPHANUMERIC, 1, 20);
        String user = user(r);
        OffsetDateTime time = time(r);
        String method = method(r);
        Target target = target(r);
        String version = pick(r, "HTTP/1.0", "HTTP/1.1", "HTTP/2.0", "HTTP/2", "HTTP/3.0");
        Ending ending = ending(r);
        String line = ip + " " + session + " " + user + " [" + render(time) + "] \"" + method + " " + target.url()
                + " " + version + "\" " + String.format("%03d", ending.status()) + " " + ending.sizeText()
                + ending.tail();
        return new Sample(line, new AccessLogRecord(ip, dashToNull(session), dashToNull(user), time, method,
                target.url(), target.schema(), target.host(), version, ending.status(), ending.size(),
                ending.referrer(), ending.userAgent()));
    }

    private static String ip(SplittableRandom r) {
        return switch (r.nextInt(3)) {
            case 0 -> between(r, 0, 255) + "." + between(r, 0, 255) + "." + between(r, 0, 255) + "."
                    + between(r, 0, 255);
            case 1 -> {
                String[] groups = new String[8];
                for (int i = 0; i < groups.length; i++) {
                    groups[i] = Long.toHexString(between(r, 0, 0xffff));
                }
                yield String.join(":", groups);
            }
            default -> pick(r, "::1", "2001:db8::7", "::ffff:192.0.2.1", "fe80::1:2");
        };
    }

    private static String user(SplittableRandom r) {
        return switch (r.nextInt(5)) {
            case 0 -> "-";
            case 1 -> login(r);
            case 2 -> login(r) + "@" + text(r, "abcxyz019-", 1, 10) + ".example";
            case 3 -> text(r, "joséJOSÉpérezñü用户名[]\"", 1, 15);
            default -> "emoji😀user";
        };
    }

    private static String login(SplittableRandom r) {
        return text(r, "abcxyzABCXYZ019._-", 1, 20);
    }

    /** 1900 to 2100, at any offset up to ±18:00. */
    private static OffsetDateTime time(SplittableRandom r) {
        long epoch = between(r, -2_208_988_800L, 4_102_444_800L);
        int offsetMinutes = (int) between(r, -18 * 60, 18 * 60);
        return OffsetDateTime.ofInstant(Instant.ofEpochSecond(epoch), ZoneOffset.ofTotalSeconds(offsetMinutes * 60));
    }

    /** {@code dd/Mon/yyyy:HH:mm:ss +hhmm}, as nginx writes {@code $time_local}. */
    static String render(OffsetDateTime t) {
        int offset = t.getOffset().getTotalSeconds() / 60;
        return String.format(Locale.ROOT, "%02d/%s/%04d:%02d:%02d:%02d %s%02d%02d", t.getDayOfMonth(),
                MONTHS[t.getMonthValue() - 1], t.getYear(), t.getHour(), t.getMinute(), t.getSecond(),
                offset < 0 ? "-" : "+", Math.abs(offset) / 60, Math.abs(offset) % 60);
    }

    /** A common method or any token; not CONNECT, whose target is an authority and gives a host. */
    private static String method(SplittableRandom r) {
        if (r.nextBoolean()) {
            return pick(r, "GET", "POST", "HEAD", "PUT", "DELETE", "PATCH", "OPTIONS", "TRACE", "PROPFIND");
        }
        String token;
        do {
            token = text(r, TCHARS, 1, AccessLogRecord.MAX_METHOD);
        } while (token.equals("CONNECT"));
        return token;
    }

    /** A relative path, an absolute URL (whose scheme and host the record holds, lower case) or {@code *}. */
    private static Target target(SplittableRandom r) {
        return switch (r.nextInt(3)) {
            case 0 -> new Target("/" + text(r, PATH_CHARS, 0, 80), null, null);
            case 1 -> {
                String scheme = pick(r, "http", "https", "HTTP", "Https", "ws", "ftp", "git+ssh");
                String host = text(r, "abcxyzABCXYZ019.-ü", 1, 30);
                String port = r.nextBoolean() ? "" : ":" + between(r, 1, 65535);
                String rest = r.nextBoolean() ? "" : pick(r, "/", "?", "#") + text(r, PATH_CHARS, 0, 80);
                yield new Target(scheme + "://" + host + port + rest, scheme.toLowerCase(Locale.ROOT),
                        host.toLowerCase(Locale.ROOT));
            }
            default -> new Target("*", null, null);
        };
    }

    /** Status and size, then {@code -} (main), nothing (common) or referer and user agent (combined). */
    private static Ending ending(SplittableRandom r) {
        String referrer = null;
        String userAgent = null;
        String tail = switch (r.nextInt(3)) {
            case 0 -> " -";
            case 1 -> "";
            default -> {
                referrer = r.nextBoolean() ? null : "https://x/" + quotable(r);
                String agent = quotable(r);
                userAgent = agent.isEmpty() ? null : agent;
                yield " \"" + (referrer == null ? "-" : referrer) + "\" \"" + agent + "\"";
            }
        };
        long size = r.nextBoolean() ? -1 : between(r, 0, 999_999_999_999_999_999L);
        int status = (int) between(r, 0, 999);
        return new Ending(status, Math.max(size, 0), size < 0 ? "-" : Long.toString(size), tail, referrer, userAgent);
    }

    private static String quotable(SplittableRandom r) {
        return text(r, "abcXYZ019 ()/;:.,-_=é", 0, 60);
    }

    private static String dashToNull(String field) {
        return field.equals("-") ? null : field;
    }

    private static String pick(SplittableRandom r, String... options) {
        return options[r.nextInt(options.length)];
    }

    // ---- generators: mutations ----

    /** A well-formed line after one to six edits. */
    private static Mutated mutatedLine(SplittableRandom r) {
        Sample sample = wellFormedLine(r);
        List<Mutation> mutations = new ArrayList<>();
        String line = sample.line();
        for (int count = 1 + r.nextInt(6); count > 0; count--) {
            Mutation mutation = new Mutation(Mutation.Kind.values()[r.nextInt(Mutation.Kind.values().length)],
                    r.nextDouble(), (int) between(r, 1, 12), text(r, STRUCTURAL, 1, 3));
            mutations.add(mutation);
            line = mutation.apply(line);
        }
        return new Mutated(sample, mutations, line);
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

        @Override
        public String toString() {
            return String.format(Locale.ROOT, "%s(where %.3f, length %d, text \"%s\")", kind, where, length,
                    escape(text));
        }
    }

    // ---- failure messages ----

    private static final int SHOWN_HEAD = 160;
    private static final int SHOWN_TAIL = 80;

    /** A line for a failure message: quoted and escaped, its middle cut out when it is long. */
    static String show(String line) {
        if (line.length() <= SHOWN_HEAD + SHOWN_TAIL) {
            return "\"" + escape(line) + "\" (" + line.length() + " chars)";
        }
        return "\"" + escape(line.substring(0, SHOWN_HEAD)) + "\"..." + (line.length() - SHOWN_HEAD - SHOWN_TAIL)
                + " chars...\"" + escape(line.substring(line.length() - SHOWN_TAIL)) + "\" (" + line.length()
                + " chars)";
    }

    /** Bytes for a failure message: printable ASCII as is, every other byte as {@code \xNN}. */
    static String show(byte[] line) {
        StringBuilder shown = new StringBuilder("\"");
        for (int i = 0; i < Math.min(line.length, SHOWN_HEAD + SHOWN_TAIL); i++) {
            int b = line[i] & 0xff;
            if (b == '"' || b == '\\') {
                shown.append('\\').append((char) b);
            } else if (b >= 0x20 && b < 0x7f) {
                shown.append((char) b);
            } else {
                shown.append(String.format("\\x%02X", b));
            }
        }
        return shown.append(line.length > SHOWN_HEAD + SHOWN_TAIL ? "\"..." : "\"")
                .append(" (").append(line.length).append(" bytes)").toString();
    }

    /** Java escapes for quotes, backslashes and whatever would not print or would break the message. */
    private static String escape(String s) {
        StringBuilder escaped = new StringBuilder(s.length() + 16);
        s.codePoints().forEach(c -> {
            switch (c) {
                case '"' -> escaped.append("\\\"");
                case '\\' -> escaped.append("\\\\");
                case '\n' -> escaped.append("\\n");
                case '\r' -> escaped.append("\\r");
                case '\t' -> escaped.append("\\t");
                default -> {
                    if (isVisible(c)) {
                        escaped.appendCodePoint(c);
                    } else {
                        for (char unit : Character.toChars(c)) {
                            escaped.append(String.format("\\u%04X", (int) unit));
                        }
                    }
                }
            }
        });
        return escaped.toString();
    }

    private static boolean isVisible(int c) {
        return switch (Character.getType(c)) {
            case Character.CONTROL, Character.FORMAT, Character.SURROGATE, Character.PRIVATE_USE,
                 Character.UNASSIGNED, Character.LINE_SEPARATOR, Character.PARAGRAPH_SEPARATOR -> false;
            case Character.SPACE_SEPARATOR -> c == ' ';
            default -> c != '\uFFFD';
        };
    }
}
