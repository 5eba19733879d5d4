package dev.weblogs.pipeline;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.weblogs.clean.DataCleanConsumer;
import dev.weblogs.geo.GeoLocator;
import dev.weblogs.lake.DataLakeConsumer;
import dev.weblogs.lifecycle.Stop;
import dev.weblogs.producer.LogsProducer;
import dev.weblogs.row.Location;
import dev.weblogs.testing.Eventually;
import dev.weblogs.testing.RunningProgram;
import dev.weblogs.testing.TestDatabase;
import dev.weblogs.testing.TestServices;
import dev.weblogs.testing.TestVhost;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.Statement;
import java.time.Duration;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code rebuild} on the sample log stored by the real programs: with another GeoIP database it changes exactly
 * the rows whose location changed and nothing else; with {@code --rejected} it moves back a line an earlier
 * version set aside; run again it changes nothing.
 */
class RebuildIT {

    /** GeoLite2-City of September 2018, unpacked by the build beside the bundled one of November 2019. */
    private static final Path OLDER_GEOIP = Path.of("target/geoip-20180911/GeoLite2-City.mmdb");

    @TempDir
    Path dir;

    private TestVhost vhost;
    private TestDatabase db;
    private Map<String, String> env;

    @BeforeEach
    void pipelineOnTheSample() throws Exception {
        vhost = TestServices.get().newVhost();
        db = TestServices.get().newDatabase();
        Path log = dir.resolve("access.log");
        Files.copy(Path.of("../data/web-server-nginx.log"), log);
        env = Map.of("RABBITMQ_URI", vhost.uri().toString(), "DB_URL", db.url(), "DB_USER", db.user(),
                "DB_PASSWORD", db.password(), "STATE_DIR", dir.resolve("state").toString(), "LOG_FILE", log.toString());
        RunningProgram lake = RunningProgram.start("lake", stop -> DataLakeConsumer.run(new String[0], env, stop));
        RunningProgram clean = RunningProgram.start("clean", stop -> DataCleanConsumer.run(new String[0], env, stop));
        assertEquals(0, LogsProducer.run(new String[0], env, new Stop()));
        assertEquals(302, Eventually.poll(Duration.ofSeconds(60), () -> db.count("SELECT COUNT(*) FROM `raw-log`"),
                n -> n >= 302));
        assertEquals(301, Eventually.poll(Duration.ofSeconds(60), () -> db.count("SELECT COUNT(*) FROM `clean-log`"),
                n -> n >= 301));
        assertEquals(1, Eventually.poll(Duration.ofSeconds(30),
                () -> db.count("SELECT COUNT(*) FROM `clean-log-rejected`"), n -> n >= 1));
        assertEquals(0, lake.stop(Duration.ofSeconds(30)));
        assertEquals(0, clean.stop(Duration.ofSeconds(30)));
    }

    @AfterEach
    void drop() {
        db.close();
        vhost.close();
    }

    @Test
    void anotherGeoIpDatabaseChangesExactlyTheRowsWhoseLocationChangedAndARerunNothing() throws Exception {
        Map<String, Map<String, String>> before = rows("clean-log");
        Set<String> moved = new HashSet<>();
        try (GeoLocator older = GeoLocator.open(OLDER_GEOIP)) {
            for (Map<String, String> row : before.values()) {
                Location now = older.locate(row.get("ip"));
                if (!Objects.equals(now.country(), row.get("country")) || !Objects.equals(now.city(), row.get("city"))) {
                    moved.add(row.get("id"));
                }
            }
        }
        assertTrue(moved.size() > 100, "the two databases disagree on many of the sample's clients: " + moved.size());

        long feed = db.count("SELECT COALESCE(MAX(seq), 0) FROM `clean-log-changes`");
        CapturedRun run = rebuild("--geoip-database", OLDER_GEOIP.toString());
        assertTrue(run.out().contains("rebuild: 302 rows of raw-log read in "), run.out() + run.err());
        assertTrue(run.out().contains(": " + moved.size() + " changed, 0 newly parsed, 0 newly rejected"), run.out());

        Map<String, Map<String, String>> after = rows("clean-log");
        assertEquals(before.keySet(), after.keySet(), "no row added or removed");
        try (GeoLocator older = GeoLocator.open(OLDER_GEOIP)) {
            for (String id : before.keySet()) {
                Map<String, String> expected = new HashMap<>(before.get(id));
                Location location = older.locate(expected.get("ip"));
                expected.put("country", location.country());
                expected.put("city", location.city());
                assertEquals(expected, after.get(id), "only the location of " + id + " changed");
            }
        }
        assertEquals(moved, ids("SELECT id FROM `clean-log-changes` WHERE seq > " + feed),
                "the changed rows are in the change feed");

        CapturedRun again = rebuild("--geoip-database", OLDER_GEOIP.toString());
        assertTrue(again.out().contains(": 0 changed, 0 newly parsed, 0 newly rejected"), again.out());
        assertEquals(after, rows("clean-log"));
    }

    @Test
    void intoEmptyCleanTablesTheRowsComeBackAsTheConsumerStoredThemWithRawLogsCountsAndRepeats() throws Exception {
        Map<String, Map<String, String>> before = rows("clean-log");
        Set<String> rejectedBefore = ids("SELECT id FROM `clean-log-rejected`");
        Set<String> repeats = ids("SELECT CONCAT(id, ' ', occurrence_key) FROM `raw-log-repeats`");
        assertTrue(!repeats.isEmpty(), "the sample repeats lines");
        for (String table : List.of("clean-log", "clean-log-rejected", "clean-log-repeats")) {
            execute("DELETE FROM `" + table + "`");
        }

        CapturedRun run = rebuild();
        assertTrue(run.out().contains(": 0 changed, 301 newly parsed, 1 newly rejected"), run.out() + run.err());
        Map<String, Map<String, String>> after = rows("clean-log");
        assertEquals(before.keySet(), after.keySet());
        for (String id : before.keySet()) {
            Map<String, String> expected = new HashMap<>(before.get(id));
            expected.remove("seq");
            Map<String, String> actual = new HashMap<>(after.get(id));
            actual.remove("seq");
            assertEquals(expected, actual, "as the consumer stored " + id + ", occurrences included");
        }
        assertEquals(rejectedBefore, ids("SELECT id FROM `clean-log-rejected`"));
        assertEquals(repeats, ids("SELECT CONCAT(id, ' ', occurrence_key) FROM `clean-log-repeats`"),
                "the repeats' keys, so that a repeat delivered again is not counted twice");
    }

    @Test
    void rejectedOnlyMovesBackALineAnEarlierVersionSetAsideWithItsOccurrences() throws Exception {
        // A line the sample holds twice: two requests, one row.
        Map<String, String> row = rows("clean-log").values().stream().filter(r -> r.get("occurrences").equals("2"))
                .findFirst().orElseThrow();
        String example = row.get("id");
        execute("DELETE FROM `clean-log` WHERE id = '" + example + "'");
        execute("INSERT INTO `clean-log-rejected` (id, reason, rejected_at, occurrences, occurrence_key) VALUES ('"
                + example + "', 'an earlier parser could not read it', UTC_TIMESTAMP(), 2, '" + row.get("occurrence_key")
                + "')");

        CapturedRun run = rebuild("--rejected");
        assertTrue(run.out().contains("rebuild: 2 rows of raw-log read in "), run.out() + run.err());
        assertTrue(run.out().contains(": 0 changed, 1 newly parsed, 0 newly rejected"), run.out());
        assertEquals(row.entrySet().stream().filter(e -> !e.getKey().equals("seq")).toList(),
                rows("clean-log").get(example).entrySet().stream().filter(e -> !e.getKey().equals("seq")).toList(),
                "back as the consumer stored it, occurrences included");
        assertEquals(1, db.count("SELECT COUNT(*) FROM `clean-log-rejected`"), "the malformed line stays rejected");
        assertEquals(0, db.count("SELECT COUNT(*) FROM `clean-log-rejected` WHERE id = '" + example + "'"));
    }

    private CapturedRun rebuild(String... options) throws Exception {
        String[] args = new String[options.length + 1];
        args[0] = "rebuild";
        System.arraycopy(options, 0, args, 1, options.length);
        CapturedRun run = CapturedRun.of(() -> DataCleanConsumer.run(args, env, new Stop()));
        assertEquals(0, run.status(), run.err());
        return run;
    }

    /** Every row of {@code table} by id, each column as the database renders it. */
    private Map<String, Map<String, String>> rows(String table) throws Exception {
        Map<String, Map<String, String>> rows = new HashMap<>();
        try (java.sql.Connection connection = db.connect(); Statement statement = connection.createStatement();
             ResultSet result = statement.executeQuery("SELECT * FROM `" + table + "`")) {
            ResultSetMetaData meta = result.getMetaData();
            while (result.next()) {
                Map<String, String> row = new HashMap<>();
                for (int i = 1; i <= meta.getColumnCount(); i++) {
                    row.put(meta.getColumnLabel(i), result.getString(i));
                }
                rows.put(row.get("id"), row);
            }
        }
        return rows;
    }

    private Set<String> ids(String sql) throws Exception {
        Set<String> ids = new HashSet<>();
        try (java.sql.Connection connection = db.connect(); Statement statement = connection.createStatement();
             ResultSet result = statement.executeQuery(sql)) {
            while (result.next()) {
                ids.add(result.getString(1));
            }
        }
        return ids;
    }

    private void execute(String sql) throws Exception {
        try (java.sql.Connection connection = db.connect(); Statement statement = connection.createStatement()) {
            statement.execute(sql);
        }
    }
}
