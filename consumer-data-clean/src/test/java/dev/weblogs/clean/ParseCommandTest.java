package dev.weblogs.clean;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import dev.weblogs.geo.GeoLocator;
import dev.weblogs.source.Line;
import dev.weblogs.source.LineReader;
import dev.weblogs.lifecycle.Stop;
import dev.weblogs.row.CleanRow;
import dev.weblogs.transform.CleanLogMapper;
import dev.weblogs.transform.MappedLine;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * {@code consumer-data-clean parse} against the golden files: {@code golden/cases.log} holds every case of the
 * contract, valid and malformed, one per line; {@code golden/cases.jsonl} what {@code parse} must print for
 * each, derived from the contract (LOG-FORMAT.md) by hand; country and city are those of the bundled
 * GeoLite2-City 2019-11.
 */
class ParseCommandTest {

    /** Decimals as written, so that 1.386 is compared as 1.386 and not as the nearest double. */
    private static final ObjectMapper JSON = JsonMapper.builder()
            .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS).build();

    private static Path cases;
    private static List<String> golden;
    private static Run fixtureRun;

    /** What one in-process run of the program did. */
    record Run(int status, String out, String err) {
        List<String> outLines() {
            return out.lines().toList();
        }
    }

    @BeforeAll
    static void parseTheFixture() throws IOException, URISyntaxException {
        cases = Path.of(ParseCommandTest.class.getResource("/golden/cases.log").toURI());
        golden = Files.readAllLines(Path.of(ParseCommandTest.class.getResource("/golden/cases.jsonl").toURI()));
        fixtureRun = run(new byte[0], "parse", cases.toString());
    }

    /** Runs the program with {@code stdin} as standard input, capturing standard output and error. */
    static synchronized Run run(byte[] stdin, String... args) {
        InputStream in = System.in;
        PrintStream out = System.out;
        PrintStream err = System.err;
        ByteArrayOutputStream stdout = new ByteArrayOutputStream();
        ByteArrayOutputStream stderr = new ByteArrayOutputStream();
        try {
            System.setIn(new ByteArrayInputStream(stdin));
            System.setOut(new PrintStream(stdout, true, StandardCharsets.UTF_8));
            System.setErr(new PrintStream(stderr, true, StandardCharsets.UTF_8));
            int status = DataCleanConsumer.run(args, Map.of(), new Stop());
            System.out.flush();
            System.err.flush();
            return new Run(status, stdout.toString(StandardCharsets.UTF_8), stderr.toString(StandardCharsets.UTF_8));
        } finally {
            System.setIn(in);
            System.setOut(out);
            System.setErr(err);
        }
    }

    /** The fixture's lines as the producer reads them. */
    static List<byte[]> fixtureLines() throws IOException {
        List<byte[]> lines = new ArrayList<>();
        try (LineReader reader = LineReader.fromStart(Files.newInputStream(cases))) {
            for (Line line = reader.next(true); line != null; line = reader.next(true)) {
                lines.add(line.bytes());
            }
        }
        return lines;
    }

    static boolean isError(String jsonLine) throws IOException {
        return JSON.readTree(jsonLine).has("error");
    }

    /** Every difference between expected and printed JSON Lines, each naming its line and field. */
    static List<String> differences(List<String> expected, List<String> actual) throws IOException {
        List<String> differences = new ArrayList<>();
        for (int i = 0; i < Math.min(expected.size(), actual.size()); i++) {
            JsonNode want = JSON.readTree(expected.get(i));
            JsonNode got = JSON.readTree(actual.get(i));
            List<String> wantFields = new ArrayList<>();
            want.fieldNames().forEachRemaining(wantFields::add);
            List<String> gotFields = new ArrayList<>();
            got.fieldNames().forEachRemaining(gotFields::add);
            if (!wantFields.equals(gotFields)) {
                differences.add("line " + (i + 1) + ": fields " + gotFields + ", expected " + wantFields);
            }
            for (String field : wantFields) {
                if (!want.get(field).equals(got.get(field))) {
                    differences.add("line " + (i + 1) + ", " + field + ": " + got.get(field) + ", expected "
                            + want.get(field));
                }
            }
        }
        if (expected.size() != actual.size()) {
            differences.add(actual.size() + " lines printed, expected " + expected.size());
        }
        return differences;
    }

    @Test
    void fixtureStillHoldsItsCrlfLineAndItsInvalidUtf8Line() throws IOException {
        // A checkout that normalises line endings or re-encodes text would silently drop two cases.
        byte[] bytes = Files.readAllBytes(cases);
        String text = new String(bytes, StandardCharsets.ISO_8859_1);

        assertTrue(text.contains("\r\n"), "no CRLF line left in the fixture");
        assertTrue(text.indexOf('\u00ff') >= 0, "no invalid UTF-8 byte left in the fixture");
        assertEquals(golden.size(), fixtureLines().size(), "one golden JSON line per fixture line");
    }

    @Test
    void printsTheGoldenRowOrErrorForEveryLine() throws IOException {
        assertEquals(List.of(), differences(golden, fixtureRun.outLines()));
    }

    @Test
    void exitStatusIsOneWhenSomeLineIsRejected() {
        assertEquals(1, fixtureRun.status(), fixtureRun.err());
    }

    @Test
    void summaryOnStandardErrorCountsLinesParsedAndRejected() throws IOException {
        long rejected = 0;
        for (String line : golden) {
            rejected += isError(line) ? 1 : 0;
        }

        assertEquals("parse: " + golden.size() + " lines, " + (golden.size() - rejected) + " parsed, " + rejected
                + " rejected", fixtureRun.err().strip());
        assertEquals("parse: 61 lines, 33 parsed, 28 rejected", fixtureRun.err().strip());
    }

    @Test
    void exitStatusIsZeroWhenEveryLineParses(@TempDir Path dir) throws IOException {
        ByteArrayOutputStream valid = new ByteArrayOutputStream();
        List<String> expected = new ArrayList<>();
        Iterator<String> json = golden.iterator();
        for (byte[] line : fixtureLines()) {
            String row = json.next();
            if (!isError(row)) {
                valid.writeBytes(line);
                valid.write('\n');
                expected.add(row);
            }
        }
        Path file = Files.write(dir.resolve("valid.log"), valid.toByteArray());

        Run run = run(new byte[0], "parse", file.toString());

        assertEquals(0, run.status(), run.err());
        assertEquals(List.of(), differences(expected, run.outLines()));
        assertEquals("parse: " + expected.size() + " lines, " + expected.size() + " parsed, 0 rejected",
                run.err().strip());
    }

    @Test
    void emptyInputParsesNothingAndSucceeds() {
        Run run = run(new byte[0], "parse");

        assertEquals(0, run.status(), run.err());
        assertEquals("", run.out());
        assertEquals("parse: 0 lines, 0 parsed, 0 rejected", run.err().strip());
    }

    @Test
    void missingFileIsAUsageError(@TempDir Path dir) {
        Path missing = dir.resolve("missing.log");

        Run run = run(new byte[0], "parse", missing.toString());

        assertEquals(2, run.status());
        assertEquals("", run.out());
        assertEquals("parse: " + missing + " does not exist", run.err().strip());
    }

    @Test
    void unknownOptionIsAUsageError() {
        Run run = run(new byte[0], "parse", "--no-such-option", cases.toString());

        assertEquals(2, run.status());
        assertEquals("", run.out());
        assertTrue(run.err().contains("Unknown option: '--no-such-option'"), run.err());
    }

    @ParameterizedTest(name = "parse {0}")
    @ValueSource(strings = {"", "-"})
    void standardInputGivesTheSameOutputAsTheFile(String argument) throws IOException {
        String[] args = argument.isEmpty() ? new String[] {"parse"} : new String[] {"parse", argument};

        Run run = run(Files.readAllBytes(cases), args);

        assertEquals(fixtureRun.status(), run.status());
        assertEquals(fixtureRun.out(), run.out());
        assertEquals(fixtureRun.err(), run.err());
    }

    @Test
    void consumerMapperGivesExactlyTheLinePrintedByParse() throws IOException {
        List<String> consumer = new ArrayList<>();
        try (GeoLocator geo = GeoLocator.open(null)) {
            CleanLogMapper mapper = new CleanLogMapper(geo);
            for (byte[] line : fixtureLines()) {
                MappedLine<CleanRow> mapped = mapper.map(line);
                consumer.add(mapped instanceof MappedLine.Row<CleanRow> row
                        ? CleanLogJson.of(row.row())
                        : CleanLogJson.ofRejected(((MappedLine.Rejected<CleanRow>) mapped).reason(),
                                new String(line, StandardCharsets.UTF_8)));
            }
        }
        List<String> printed = fixtureRun.outLines();

        assertEquals(consumer.size(), printed.size());
        for (int i = 0; i < consumer.size(); i++) {
            assertEquals(consumer.get(i), printed.get(i), "line " + (i + 1));
        }
    }
}
