package dev.weblogs.clean;

import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import dev.weblogs.geo.GeoLocator;
import dev.weblogs.parse.AccessLogParser;
import dev.weblogs.parse.AccessLogRecord;
import dev.weblogs.parse.ParseResult;
import dev.weblogs.row.CleanRow;
import dev.weblogs.source.Line;
import dev.weblogs.source.LineReader;
import dev.weblogs.transform.CleanLogMapper;
import dev.weblogs.transform.MappedLine;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class AccessLogParserTest {

    static final String EXAMPLE = "181.58.38.180 YWN6Z2YRMwbb1KF elizabeth.usugal@crypto.com "
            + "[01/Mar/2023:00:00:09 -0500] \"GET https://app.knovel.com:443/api/entitlements/get-license"
            + "?post={\"APIKEY\"%3A\"EE109DAC-756e-009d-1611-76371a443ed6\"} HTTP/1.1\" 200 1386 -";

    private static final AccessLogParser PARSER = new AccessLogParser();
    /** Decimals as written, so that 1.386 is compared as 1.386 and not as the nearest double. */
    private static final ObjectMapper JSON = JsonMapper.builder()
            .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS).build();
    private static GeoLocator geo;

    @BeforeAll
    static void openBundledGeoIp() {
        geo = GeoLocator.open(null);
    }

    @AfterAll
    static void closeGeoIp() throws IOException {
        geo.close();
    }

    /** A main-format line with the given request, status and size, the rest fixed. */
    static String mainLine(String request, String status, String size) {
        return "203.0.113.9 SESSION1 alice [10/Oct/2023:13:55:36 +0200] \"" + request + "\" " + status + " "
                + size + " -";
    }

    static AccessLogRecord parsed(String line) {
        ParseResult result = PARSER.parse(line);
        if (result instanceof ParseResult.Rejected rejected) {
            throw new AssertionError("rejected (" + rejected.reason() + "): " + line);
        }
        return ((ParseResult.Parsed) result).record();
    }

    static String rejection(String line) {
        ParseResult result = PARSER.parse(line);
        return assertInstanceOf(ParseResult.Rejected.class, result, "parsed: " + line).reason();
    }

    /** The clean-log row of a line, as the consumer makes it, under its column names. */
    static JsonNode row(String line) throws IOException {
        MappedLine<CleanRow> mapped = new CleanLogMapper(geo).map(line.getBytes(StandardCharsets.UTF_8));
        Object row = assertInstanceOf(MappedLine.Row.class, mapped, "rejected: " + line).row();
        return JSON.readTree(CleanLogJson.of((CleanRow) row));
    }

    @Test
    void workedExampleOfTheContractGivesEveryColumn() throws IOException {
        JsonNode row = row(EXAMPLE);

        assertEquals(26, row.size(), row::toString);
        assertAll(
                () -> assertEquals("9d57cae93bbc217eaf6a7ca546368c76", row.get("id").asText()),
                () -> assertEquals("2023-03-01 05:00:09", row.get("timestamp").asText()),
                () -> assertEquals(2023, row.get("year").asInt()),
                () -> assertEquals(3, row.get("month").asInt()),
                () -> assertEquals(1, row.get("day").asInt()),
                () -> assertEquals("Wednesday", row.get("day_of_week").asText()),
                () -> assertEquals("05:00:09", row.get("time").asText()),
                () -> assertEquals("181.58.38.180", row.get("ip").asText()),
                () -> assertEquals("Colombia", row.get("country").asText()),
                () -> assertEquals("Medellín", row.get("city").asText()),
                () -> assertEquals("YWN6Z2YRMwbb1KF", row.get("session").asText()),
                () -> assertEquals("elizabeth.usugal@crypto.com", row.get("user").asText()),
                () -> assertTrue(row.get("is_email").asBoolean()),
                () -> assertEquals("@crypto.com", row.get("email_domain").asText()),
                () -> assertEquals("GET", row.get("rest_method").asText()),
                () -> assertEquals("https://app.knovel.com:443/api/entitlements/get-license"
                        + "?post={\"APIKEY\"%3A\"EE109DAC-756e-009d-1611-76371a443ed6\"}", row.get("url").asText()),
                () -> assertEquals("https", row.get("schema").asText()),
                () -> assertEquals("app.knovel.com", row.get("host").asText()),
                () -> assertEquals("HTTP/1.1", row.get("rest_version").asText()),
                () -> assertEquals(200, row.get("status").asInt()),
                () -> assertEquals("OK", row.get("status_verbose").asText()),
                () -> assertEquals(1386, row.get("size_bytes").asLong()),
                () -> assertEquals("1.386", row.get("size_kilo_bytes").decimalValue().toPlainString()),
                () -> assertEquals("0.001386", row.get("size_mega_bytes").decimalValue().toPlainString()));
    }

    @Test
    void workedExampleRecordKeepsTheOffsetWrittenInTheLine() {
        assertEquals(OffsetDateTime.parse("2023-03-01T00:00:09-05:00"), parsed(EXAMPLE).time());
    }

    @Nested
    class MainFormat {

        @Test
        void anonymousDashDashGivesNullSessionAndUserAndNoEmail() throws IOException {
            JsonNode row = row("190.0.247.163 - - [01/Nov/2022:00:06:45 -0500] "
                    + "\"GET https://www.redalyc.org:443/js/mapan.js HTTP/1.1\" 200 3153 -");

            assertTrue(row.get("session").isNull());
            assertTrue(row.get("user").isNull());
            assertFalse(row.get("is_email").asBoolean());
            assertTrue(row.get("email_domain").isNull());
        }

        @Test
        void plainLoginIsAUserButNotAnEmail() throws IOException {
            JsonNode row = row("204.199.126.194 FjAr4YZuuE87FXf pablor.martinez [01/Nov/2022:00:00:00 -0500] "
                    + "\"GET https://accessmedicine.mhmedical.com:443/Images/logo.png HTTP/1.1\" 200 7259 -");

            assertEquals("FjAr4YZuuE87FXf", row.get("session").asText());
            assertEquals("pablor.martinez", row.get("user").asText());
            assertFalse(row.get("is_email").asBoolean());
            assertTrue(row.get("email_domain").isNull());
        }

        @Test
        void quotesInsideTheUrlStayInTheUrl() {
            AccessLogRecord record = parsed(EXAMPLE);

            assertEquals("https://app.knovel.com:443/api/entitlements/get-license"
                    + "?post={\"APIKEY\"%3A\"EE109DAC-756e-009d-1611-76371a443ed6\"}", record.url());
            assertEquals("HTTP/1.1", record.version());
            assertEquals(200, record.status());
            assertEquals(1386, record.sizeBytes());
        }

        @Test
        void quoteStatusSizeLookalikeInsideTheUrlDoesNotEndTheRequest() {
            AccessLogRecord record = parsed(mainLine("GET /a?q=\" 404 0 \"b\" HTTP/1.1", "200", "12"));

            assertEquals("/a?q=\" 404 0 \"b\"", record.url());
            assertEquals(200, record.status());
            assertEquals(12, record.sizeBytes());
        }

        @Test
        void urlWithHundredsOfQuotesIsParsed() {
            String query = "{\"k\":\"v\",".repeat(100) + "}";

            AccessLogRecord record = parsed(mainLine("GET /api?json=" + query + " HTTP/1.1", "200", "5"));

            assertEquals("/api?json=" + query, record.url());
        }

        @Test
        void veryLongQueryStringIsKeptWhole() {
            String url = "https://pubmed.ncbi.nlm.nih.gov:443/?term=" + "boutonniere+deformities+".repeat(40);

            assertEquals(url, parsed(mainLine("GET " + url + " HTTP/1.1", "200", "300013")).url());
        }

        @Test
        void sizeDashMeansZero() throws IOException {
            JsonNode row = row(mainLine("GET / HTTP/1.1", "304", "-"));

            assertEquals(0, row.get("size_bytes").asLong());
            assertEquals(0, row.get("size_kilo_bytes").decimalValue().signum());
            assertEquals(0, row.get("size_mega_bytes").decimalValue().signum());
        }

        @Test
        void sizeBeyondFourGigabytesIsExact() throws IOException {
            JsonNode row = row(mainLine("GET /big.iso HTTP/1.1", "200", "5368709123"));

            assertEquals(5_368_709_123L, row.get("size_bytes").asLong());
            assertEquals("5368709.123", row.get("size_kilo_bytes").decimalValue().toPlainString());
            assertEquals("5368.709123", row.get("size_mega_bytes").decimalValue().toPlainString());
        }

        @Test
        void crlfLineGivesTheSameRowAndIdAsTheBareLine() throws IOException {
            byte[] file = (EXAMPLE + "\r\n").getBytes(StandardCharsets.UTF_8);
            Line line;
            try (LineReader reader = LineReader.fromStart(new ByteArrayInputStream(file))) {
                line = reader.next(true);
            }
            MappedLine<CleanRow> mapped = new CleanLogMapper(geo).map(line.bytes());

            CleanRow row = (CleanRow) assertInstanceOf(MappedLine.Row.class, mapped).row();
            assertEquals("9d57cae93bbc217eaf6a7ca546368c76", row.id());
            assertEquals(row(EXAMPLE), JSON.readTree(CleanLogJson.of(row)));
        }

        @Test
        void trailingCarriageReturnIsNotPartOfTheLastField() {
            assertEquals(parsed(EXAMPLE), parsed(EXAMPLE + "\r"));
        }
    }

    @Nested
    class RequestTarget {

        @Test
        void relativeTargetHasNullSchemaAndHost() throws IOException {
            JsonNode row = row(mainLine("GET /index.html?a=b HTTP/1.1", "200", "10"));

            assertEquals("/index.html?a=b", row.get("url").asText());
            assertTrue(row.get("schema").isNull());
            assertTrue(row.get("host").isNull());
        }

        @Test
        void asteriskTargetHasNullSchemaAndHost() {
            AccessLogRecord record = parsed(mainLine("OPTIONS * HTTP/1.1", "204", "0"));

            assertEquals("*", record.url());
            assertNull(record.schema());
            assertNull(record.host());
        }

        @Test
        void relativeTargetWithAUrlInItsQueryIsStillRelative() {
            AccessLogRecord record = parsed(mainLine("GET /login?next=https://evil.example/ HTTP/1.1", "302", "0"));

            assertNull(record.schema());
            assertNull(record.host());
        }

        @ParameterizedTest(name = "{0} -> {1} {2}")
        @CsvSource(delimiter = '|', value = {
            "https://app.knovel.com:443/api        | https | app.knovel.com",
            "http://example.org                    | http  | example.org",
            "HTTP://Example.ORG:8080?x=1           | http  | example.org",
            "https://user:pw@example.org:8443/a    | https | example.org",
            "http://[2001:db8::1]:8080/a           | http  | [2001:db8::1]",
            "ws://chat.example.org/socket#frag     | ws    | chat.example.org",
        })
        void absoluteTargetGivesSchemaAndHostWithoutPort(String url, String schema, String host) {
            AccessLogRecord record = parsed(mainLine("GET " + url + " HTTP/1.1", "200", "1"));

            assertEquals(url, record.url());
            assertEquals(schema, record.schema());
            assertEquals(host, record.host());
        }

        @Test
        void connectTargetIsAHostAndPort() {
            AccessLogRecord record = parsed(mainLine("CONNECT example.org:443 HTTP/1.1", "200", "0"));

            assertNull(record.schema());
            assertEquals("example.org", record.host());
        }

        @Test
        void spaceInsideTheTargetIsKept() {
            assertEquals("/a b", parsed(mainLine("GET /a b HTTP/1.0", "400", "0")).url());
        }
    }

    @Nested
    class ClientAddress {

        @ParameterizedTest
        @ValueSource(strings = {"2001:db8::1", "::1", "2001:0db8:0000:0000:0000:ff00:0042:8329",
            "::ffff:192.0.2.1", "fe80::a:b:c:d", "0.0.0.0", "255.255.255.255"})
        void ipv4AndIpv6AreKeptAsWritten(String ip) {
            String line = ip + " - - [01/Nov/2022:00:06:45 -0500] \"GET / HTTP/1.1\" 200 1 -";

            assertEquals(ip, parsed(line).ip());
        }

        @ParameterizedTest
        @ValueSource(strings = {"999.1.1.1", "1.2.3", "1.2.3.4.5", "01.2.3.4", "localhost", "example.org",
            "1::2::3", "[::1]", "fe80::1%eth0", "1:2:3:4:5:6:7:8:9", "12345::1"})
        void anythingElseIsRejectedNamingTheAddress(String ip) {
            String line = ip + " - - [01/Nov/2022:00:06:45 -0500] \"GET / HTTP/1.1\" 200 1 -";

            assertEquals("client address '" + ip + "' is not an IPv4 or IPv6 address", rejection(line));
        }
    }

    @Nested
    class OtherFormats {

        @Test
        void combinedFormatOfTheContract() throws IOException {
            JsonNode row = row("203.0.113.9 - alice [10/Oct/2023:13:55:36 +0200] \"GET /index.html HTTP/1.1\" "
                    + "200 2326 \"https://example.org/\" \"Mozilla/5.0 (X11; Linux x86_64) Firefox/118.0\"");

            assertAll(
                    () -> assertEquals("203.0.113.9", row.get("ip").asText()),
                    () -> assertTrue(row.get("session").isNull()),
                    () -> assertEquals("alice", row.get("user").asText()),
                    () -> assertEquals("2023-10-10 11:55:36", row.get("timestamp").asText()),
                    () -> assertEquals("Tuesday", row.get("day_of_week").asText()),
                    () -> assertEquals("GET", row.get("rest_method").asText()),
                    () -> assertEquals("/index.html", row.get("url").asText()),
                    () -> assertTrue(row.get("schema").isNull()),
                    () -> assertTrue(row.get("host").isNull()),
                    () -> assertEquals("HTTP/1.1", row.get("rest_version").asText()),
                    () -> assertEquals(200, row.get("status").asInt()),
                    () -> assertEquals(2326, row.get("size_bytes").asLong()),
                    () -> assertEquals("https://example.org/", row.get("referrer").asText()),
                    () -> assertEquals("Mozilla/5.0 (X11; Linux x86_64) Firefox/118.0", row.get("user_agent").asText()),
                    () -> assertTrue(row.get("country").isNull(), "203.0.113.0/24 is for documentation"));
        }

        @Test
        void mainFormatAndCommonFormatHaveNoReferrerNorUserAgent() throws IOException {
            for (String line : new String[] {EXAMPLE, "127.0.0.1 - frank [10/Oct/2000:13:55:36 -0700] "
                    + "\"GET /apache_pb.gif HTTP/1.0\" 200 2326"}) {
                JsonNode row = row(line);
                assertTrue(row.get("referrer").isNull() && row.get("user_agent").isNull(), row::toString);
            }
        }

        @Test
        void emptyReferrerAndUserAgentAreNull() {
            AccessLogRecord record = parsed("198.51.100.7 - - [10/Oct/2023:13:55:36 +0000] \"GET / HTTP/1.1\" "
                    + "200 15 \"\" \"-\"");
            assertNull(record.referrer());
            assertNull(record.userAgent());
        }

        @Test
        void combinedFormatWithDashRefererAndQuotesInTheUserAgent() {
            AccessLogRecord record = parsed("198.51.100.7 - - [10/Oct/2023:13:55:36 +0000] "
                    + "\"POST /api/v1/items HTTP/2.0\" 201 15 \"-\" \"say \\\"hi\\\" \\x22bot\\x22/1.0\"");

            assertEquals("POST", record.method());
            assertEquals("/api/v1/items", record.url());
            assertEquals(201, record.status());
            assertNull(record.referrer());
            assertEquals("say \"hi\" \\x22bot\\x22/1.0", record.userAgent(), "\\\" unescaped, \\x22 kept as written");
        }

        @Test
        void anEscapedBackslashInTheReferrerIsOneBackslash() {
            assertEquals("https://x/a\\b\"", parsed("198.51.100.7 - - [10/Oct/2023:13:55:36 +0000] "
                    + "\"GET / HTTP/1.1\" 200 15 \"https://x/a\\\\b\\\"\" \"ua\"").referrer());
        }

        @Test
        void combinedFormatWithExtraQuotedFields() {
            AccessLogRecord record = parsed("198.51.100.7 - - [10/Oct/2023:13:55:36 +0000] \"GET /x HTTP/1.1\" 404 0 "
                    + "\"-\" \"curl/8.4.0\" \"203.0.113.1, 198.51.100.2\"");
            assertEquals(404, record.status());
            assertEquals("curl/8.4.0", record.userAgent(), "the second field, whatever follows");
        }

        @Test
        void commonFormatEndsAfterTheSize() {
            AccessLogRecord record = parsed("127.0.0.1 - frank [10/Oct/2000:13:55:36 -0700] "
                    + "\"GET /apache_pb.gif HTTP/1.0\" 200 2326");

            assertEquals("frank", record.user());
            assertNull(record.session());
            assertEquals("/apache_pb.gif", record.url());
            assertEquals("HTTP/1.0", record.version());
            assertEquals(2326, record.sizeBytes());
        }

        @Test
        void commonFormatWithDashSize() {
            assertEquals(0, parsed("127.0.0.1 - - [10/Oct/2000:13:55:36 -0700] \"HEAD / HTTP/1.0\" 304 -")
                    .sizeBytes());
        }
    }

    @Nested
    class MethodStatusVersion {

        @ParameterizedTest
        @ValueSource(strings = {"GET", "POST", "HEAD", "PUT", "DELETE", "PATCH", "OPTIONS", "TRACE", "PROPFIND",
            "M-SEARCH", "X_CUSTOM~1!", "get"})
        void anyMethodTokenIsKeptAsWritten(String method) {
            assertEquals(method, parsed(mainLine(method + " /r HTTP/1.1", "200", "1")).method());
        }

        @ParameterizedTest
        @ValueSource(strings = {"GE(T", "GÉT", "G\"T", "GET,POST"})
        void methodThatIsNotATokenIsRejected(String method) {
            assertEquals("method '" + method + "' is not an HTTP method token",
                    rejection(mainLine(method + " /r HTTP/1.1", "200", "1")));
        }

        @Test
        void methodLongerThanTheColumnIsRejected() {
            String method = "X".repeat(AccessLogRecord.MAX_METHOD + 1);

            assertEquals("method '" + method + "' is not an HTTP method token",
                    rejection(mainLine(method + " /r HTTP/1.1", "200", "1")));
        }

        @ParameterizedTest(name = "{0} {1}")
        @CsvSource(nullValues = "NULL", value = {
            "200, OK",
            "201, Created",
            "206, Partial Content",
            "302, Found",
            "304, Not Modified",
            "404, Not Found",
            "413, Content Too Large",
            "422, Unprocessable Content",
            "429, Too Many Requests",
            "500, Internal Server Error",
            "306, NULL",
            "418, NULL",
            "499, NULL",
            "999, NULL",
        })
        void anyThreeDigitStatusWithItsRegisteredReasonPhrase(int status, String verbose) throws IOException {
            JsonNode row = row(mainLine("GET / HTTP/1.1", String.format("%03d", status), "0"));

            assertEquals(status, row.get("status").asInt());
            assertEquals(verbose, row.get("status_verbose").isNull() ? null : row.get("status_verbose").asText());
        }

        @ParameterizedTest
        @ValueSource(strings = {"HTTP/1.0", "HTTP/1.1", "HTTP/2.0", "HTTP/2", "HTTP/3.0"})
        void httpVersionsAreKeptAsWritten(String version) {
            assertEquals(version, parsed(mainLine("GET / " + version, "200", "1")).version());
        }

        @ParameterizedTest
        @ValueSource(strings = {"HTTP/1.1.1", "HTTPS/1.1", "http/1.1", "HTTP/", "HTTP/x.y", "RTSP/1.0"})
        void otherProtocolsAreRejected(String version) {
            String request = "GET / " + version;

            assertEquals("request '" + request + "' has no HTTP version",
                    rejection(mainLine(request, "200", "1")));
        }
    }

    @Nested
    class NonAscii {

        static final String LINE = "2001:db8::7 sesión josé.pérez@correo.example.co [05/May/2023:10:00:00 +0000] "
                + "\"GET https://Bücher.example/straße?q=café&emoji=😀 HTTP/1.1\" 200 42 -";

        @Test
        void userAndUrlAreKeptExactly() throws IOException {
            JsonNode row = row(LINE);

            assertEquals("sesión", row.get("session").asText());
            assertEquals("josé.pérez@correo.example.co", row.get("user").asText());
            assertTrue(row.get("is_email").asBoolean());
            assertEquals("@correo.example.co", row.get("email_domain").asText());
            assertEquals("https://Bücher.example/straße?q=café&emoji=😀", row.get("url").asText());
            assertEquals("bücher.example", row.get("host").asText());
        }

        @Test
        void bytesAndStringGiveTheSameRecord() {
            assertEquals(PARSER.parse(LINE), PARSER.parse(LINE.getBytes(StandardCharsets.UTF_8)));
        }

        @Test
        void encodedReplacementCharacterIsValidUtf8() {
            String line = mainLine("GET /\uFFFD HTTP/1.1", "200", "1");

            assertEquals("/\uFFFD", ((ParseResult.Parsed) PARSER.parse(line.getBytes(StandardCharsets.UTF_8)))
                    .record().url());
        }
    }

    @Nested
    class Times {

        @ParameterizedTest(name = "{0} -> {1} {2}")
        @CsvSource({
            "01/Mar/2023:00:00:09 -0500, 2023-03-01 05:00:09, Wednesday",
            "29/Feb/2024:23:59:59 -0100, 2024-03-01 00:59:59, Friday",
            "31/Dec/2023:23:30:00 -0100, 2024-01-01 00:30:00, Monday",
            "01/Jan/2024:00:15:00 +0100, 2023-12-31 23:15:00, Sunday",
            "01/Mar/2024:03:00:00 +0530, 2024-02-29 21:30:00, Thursday",
            "28/Feb/2023:20:00:00 -0930, 2023-03-01 05:30:00, Wednesday",
            "30/Jun/2023:23:00:00 -0130, 2023-07-01 00:30:00, Saturday",
            "01/Mar/2100:01:00:00 +0200, 2100-02-28 23:00:00, Sunday",
            "28/Feb/2000:22:00:00 -0300, 2000-02-29 01:00:00, Tuesday",
            "01/Jan/2024:10:00:00 +1400, 2023-12-31 20:00:00, Sunday",
            "31/Dec/1999:23:00:00 -1200, 2000-01-01 11:00:00, Saturday",
            "15/Aug/2023:12:00:00 -0000, 2023-08-15 12:00:00, Tuesday",
        })
        void utcDateWeekdayAndTimeHonourTheOffset(String written, String utc, String weekday) throws IOException {
            JsonNode row = row("10.0.0.1 - - [" + written + "] \"GET / HTTP/1.1\" 200 1 -");

            assertEquals(utc, row.get("timestamp").asText());
            assertEquals(Integer.parseInt(utc.substring(0, 4)), row.get("year").asInt());
            assertEquals(Integer.parseInt(utc.substring(5, 7)), row.get("month").asInt());
            assertEquals(Integer.parseInt(utc.substring(8, 10)), row.get("day").asInt());
            assertEquals(weekday, row.get("day_of_week").asText());
            assertEquals(utc.substring(11), row.get("time").asText());
        }

        @ParameterizedTest
        @ValueSource(strings = {"29/Feb/2023:00:00:00 +0000", "31/Apr/2023:00:00:00 +0000",
            "01/Mar/2023:24:00:00 +0000", "01/Mar/2023:23:60:00 +0000", "01/mar/2023:00:00:00 +0000",
            "01/Mar/2023:00:00:00 +1900", "01/Mar/2023:00:00:00 +0060", "01/Mar/2023 00:00:00 +0000",
            "01/Mar/2023:00:00:00 0500 ", "1/Mar/2023:00:00:00 +00000"})
        void impossibleTimeIsRejectedQuotingIt(String written) {
            assertEquals("time '" + written + "' is not a valid dd/Mon/yyyy:HH:mm:ss +hhmm",
                    rejection("10.0.0.1 - - [" + written + "] \"GET / HTTP/1.1\" 200 1 -"));
        }
    }

    @Nested
    class Malformed {

        @Test
        void emptyLine() {
            assertEquals("empty line", rejection(""));
            assertEquals("empty line", rejection("\r"));
        }

        @Test
        void invalidUtf8() {
            byte[] line = mainLine("GET /x HTTP/1.1", "200", "1").getBytes(StandardCharsets.UTF_8);
            line[line.length - 20] = (byte) 0xC3;

            ParseResult result = PARSER.parse(line);

            assertEquals("line is not valid UTF-8", assertInstanceOf(ParseResult.Rejected.class, result).reason());
        }

        @Test
        void overlongAndSurrogateEncodingsAreInvalidUtf8() {
            byte[] overlongSlash = {'1', ' ', (byte) 0xC0, (byte) 0xAF};
            byte[] surrogate = {'1', ' ', (byte) 0xED, (byte) 0xA0, (byte) 0x80};

            assertEquals(new ParseResult.Rejected("line is not valid UTF-8"), PARSER.parse(overlongSlash));
            assertEquals(new ParseResult.Rejected("line is not valid UTF-8"), PARSER.parse(surrogate));
        }

        @Test
        void lineWithoutSpaces() {
            assertTrue(rejection("garbage").startsWith("no fields: expected 'ip session user [time]"));
        }

        @Test
        void truncatedAfterTheAddress() {
            assertEquals("line ends after the client address", rejection("1.2.3.4 -"));
        }

        @Test
        void truncatedBeforeTheTime() {
            assertEquals("line ends before the time", rejection("1.2.3.4 - -"));
            assertEquals("expected '[' and the time after the user '-'", rejection("1.2.3.4 - - "));
        }

        @Test
        void truncatedInsideTheTime() {
            assertEquals("expected '[dd/Mon/yyyy:HH:mm:ss +hhmm] \"' after the user",
                    rejection("1.2.3.4 - - [01/Mar/2023:00:0"));
        }

        @Test
        void truncatedInsideTheRequest() {
            assertEquals("no closing '\"' followed by a status and a size after the request",
                    rejection(EXAMPLE.substring(0, EXAMPLE.indexOf("HTTP/1.1"))));
        }

        @Test
        void truncatedAfterTheStatus() {
            assertEquals("no closing '\"' followed by a status and a size after the request",
                    rejection(EXAMPLE.substring(0, EXAMPLE.indexOf(" 1386"))));
        }

        @Test
        void doubleSpaceLeavesAnEmptyField() {
            assertEquals("empty session or user field (two spaces in a row)",
                    rejection("1.2.3.4  - [01/Mar/2023:00:00:09 -0500] \"GET / HTTP/1.1\" 200 1 -"));
        }

        @Test
        void userWithASpaceMisplacesTheTime() {
            assertEquals("expected '[' and the time after the user 'John'",
                    rejection("1.2.3.4 - John Smith [01/Mar/2023:00:00:09 -0500] \"GET / HTTP/1.1\" 200 1 -"));
        }

        @Test
        void missingOpeningBracket() {
            assertEquals("expected '[' and the time after the user '-'",
                    rejection("1.2.3.4 - - 01/Mar/2023:00:00:09 -0500] \"GET / HTTP/1.1\" 200 1 -"));
        }

        @Test
        void missingClosingBracket() {
            assertEquals("expected '[dd/Mon/yyyy:HH:mm:ss +hhmm] \"' after the user",
                    rejection("1.2.3.4 - - [01/Mar/2023:00:00:09 -0500 \"GET / HTTP/1.1\" 200 1 -"));
        }

        @Test
        void doubledOpeningBracket() {
            assertEquals("expected '[dd/Mon/yyyy:HH:mm:ss +hhmm] \"' after the user",
                    rejection("1.2.3.4 - - [[01/Mar/2023:00:00:09 -0500] \"GET / HTTP/1.1\" 200 1 -"));
        }

        @Test
        void requestNotQuoted() {
            assertEquals("expected '[dd/Mon/yyyy:HH:mm:ss +hhmm] \"' after the user",
                    rejection("1.2.3.4 - - [01/Mar/2023:00:00:09 -0500] GET / HTTP/1.1\" 200 1 -"));
        }

        @Test
        void requestNeverClosed() {
            assertEquals("no closing '\"' followed by a status and a size after the request",
                    rejection("1.2.3.4 - - [01/Mar/2023:00:00:09 -0500] \"GET / HTTP/1.1 200 1 -"));
        }

        @Test
        void statusNotThreeDigits() {
            assertEquals("no closing '\"' followed by a status and a size after the request",
                    rejection(mainLine("GET / HTTP/1.1", "2000", "1")));
            assertEquals("no closing '\"' followed by a status and a size after the request",
                    rejection(mainLine("GET / HTTP/1.1", "OK", "1")));
        }

        @Test
        void sizeNotANumber() {
            assertEquals("no closing '\"' followed by a status and a size after the request",
                    rejection(mainLine("GET / HTTP/1.1", "200", "12kB")));
        }

        @Test
        void sizeTooLarge() {
            assertEquals("size '1234567890123456789' is too large",
                    rejection(mainLine("GET / HTTP/1.1", "200", "1234567890123456789")));
        }

        @Test
        void unknownFieldAfterTheSizeIsNamed() {
            assertEquals("unexpected '0.005' after the status and size: expected nothing, '-' or quoted fields",
                    rejection("1.2.3.4 - - [01/Mar/2023:00:00:09 -0500] \"GET / HTTP/1.1\" 200 1 0.005"));
        }

        @Test
        void unclosedQuotedFieldAfterTheSize() {
            assertEquals("unexpected '\"https://example.org/' after the status and size: "
                            + "expected nothing, '-' or quoted fields",
                    rejection("1.2.3.4 - - [01/Mar/2023:00:00:09 -0500] \"GET / HTTP/1.1\" 200 1 "
                            + "\"https://example.org/"));
        }

        @Test
        void noRequestLine() {
            assertEquals("no request line (the client sent none)",
                    rejection("1.2.3.4 - - [01/Mar/2023:00:00:09 -0500] \"-\" 400 0 \"-\" \"-\""));
            assertEquals("no request line (the client sent none)",
                    rejection("1.2.3.4 - - [01/Mar/2023:00:00:09 -0500] \"\" 400 0"));
        }

        @Test
        void requestWithoutVersion() {
            assertEquals("request 'GET /' is not 'method target version'",
                    rejection(mainLine("GET /", "200", "1")));
        }

        @Test
        void requestWithEmptyTarget() {
            assertEquals("request 'GET  HTTP/1.1' has an empty target",
                    rejection(mainLine("GET  HTTP/1.1", "200", "1")));
        }

        @Test
        void tlsHandshakeSentToThePlainPort() {
            assertEquals("request '\\x16\\x03\\x01\\x00\\xA5\\x01' is not 'method target version'",
                    rejection(mainLine("\\x16\\x03\\x01\\x00\\xA5\\x01", "400", "157")));
        }

        @Test
        void fieldsLongerThanTheirColumns() {
            String longToken = "s".repeat(256);

            assertEquals("session longer than 255 characters", rejection(
                    "1.2.3.4 " + longToken + " - [01/Mar/2023:00:00:09 -0500] \"GET / HTTP/1.1\" 200 1 -"));
            assertEquals("user longer than 255 characters", rejection(
                    "1.2.3.4 - " + longToken + " [01/Mar/2023:00:00:09 -0500] \"GET / HTTP/1.1\" 200 1 -"));
            assertEquals("host longer than 255 characters",
                    rejection(mainLine("GET http://" + longToken + ".example/ HTTP/1.1", "200", "1")));
        }

        @Test
        void lineLongerThanAnyColumnCanHold() {
            String line = mainLine("GET /" + "a".repeat(AccessLogRecord.MAX_LINE) + " HTTP/1.1", "200", "1");

            assertEquals("line longer than 4000000 characters", rejection(line));
        }

        @Test
        void reasonQuotesAreCutShort() {
            String ip = "x".repeat(200);

            String reason = rejection(ip + " - - [01/Mar/2023:00:00:09 -0500] \"GET / HTTP/1.1\" 200 1 -");

            assertEquals("client address '" + "x".repeat(57) + "...' is not an IPv4 or IPv6 address", reason);
        }

        @Test
        void reasonEscapesControlCharactersOfTheLine() {
            String reason = rejection("1.2.3.4\r\t\u0000\u0085 - - [01/Mar/2023:00:00:09 -0500] \"GET / HTTP/1.1\" 200 1 -");

            assertEquals("client address '1.2.3.4\\x0D\\x09\\x00\\x85' is not an IPv4 or IPv6 address", reason);
        }

        @Test
        void reasonIsNotCutInsideASurrogatePair() {
            String ip = "x".repeat(56) + "😀" + "x".repeat(10);

            String reason = rejection(ip + " - - [01/Mar/2023:00:00:09 -0500] \"GET / HTTP/1.1\" 200 1 -");

            assertEquals("client address '" + "x".repeat(56) + "...' is not an IPv4 or IPv6 address", reason);
        }
    }

    @Test
    void hundredThousandCharacterLineIsParsedWhole() {
        String url = "/search?q=" + "x".repeat(100_000);
        String line = mainLine("GET " + url + " HTTP/1.1", "200", "1");

        AccessLogRecord record = parsed(line);

        assertTrue(line.length() >= 100_000);
        assertEquals(url, record.url());
    }

    @Test
    void resultDoesNotDependOnEarlierLines() {
        List<ParseResult> first = new ArrayList<>();
        List<ParseResult> second = new ArrayList<>();
        List<String> lines = List.of(EXAMPLE, "garbage", mainLine("GET / HTTP/1.1", "200", "1") + " 0.005", EXAMPLE);
        for (String line : lines) {
            first.add(PARSER.parse(line));
        }
        for (String line : lines) {
            second.add(new AccessLogParser().parse(line));
        }

        assertEquals(first, second);
        assertEquals(first.get(0), first.get(3));
    }
}
