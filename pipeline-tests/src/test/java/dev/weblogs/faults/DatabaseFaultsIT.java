package dev.weblogs.faults;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.weblogs.testing.Eventually;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The database's faults: an outage, rows it refuses, lines that are no rows, a table or a grant taken away. */
class DatabaseFaultsIT extends FaultHarness {

    @Test
    void databaseUnavailableFor15SecondsUnderLoad() throws Exception {
        Pipeline pipeline = runThroughOutage("DB_URL", URI.create(db.url().substring("jdbc:".length())),
                Duration.ofSeconds(15));
        for (ProgramProcess consumer : List.of(pipeline.lake(), pipeline.clean())) {
            String output = consumer.output();
            assertEquals(1, occurrences(output, "database unavailable"), "outage logged once:\n" + output);
            assertEquals(1, occurrences(output, "database available again"), "recovery logged once:\n" + output);
        }
        assertEquals(0, db.count("SELECT COUNT(*) FROM `clean-log-rejected`"), "nothing rejected for an outage");
        assertEquals(0, deadLetters("queue-data-lake-dead-letter").size(), "nothing dead-lettered for an outage");
    }

    @Test
    void malformedLinesAreRejectedOnceThroughAKillOfTheConsumerAndKeptInTheLake() throws Exception {
        lines.append(log, 50_000, 50, 0);
        Pipeline pipeline = startPipeline(env());
        awaitCount("clean-log-rejected", 200);
        // Killed while rejecting lines: what it had not acknowledged is delivered again, and rejected once.
        pipeline.clean().kill();
        assertEquals(0, pipeline.producer().exitStatus(DRAIN));
        ProgramProcess clean = start("consumer-data-clean", env());
        assertTablesComplete();
        assertEquals(0, db.count("SELECT COUNT(*) FROM `clean-log-rejected` WHERE reason NOT LIKE "
                + "'client address ''garbage'' is not an IPv4 or IPv6 address'"), "each with its reason");
        assertTrue(pipeline.lake().isAlive() && clean.isAlive(), outputs());
    }

    @Test
    void aRowTheDatabaseRefusesIsRejectedWithItsReasonAndTheRestOfItsBatchStored() throws Exception {
        execute(Files.readString(Path.of("../sink/src/main/resources/dev/weblogs/store/clean-log.sql")));
        // A trigger's own refusal, SQLSTATE 45000, as a user's policy would signal it.
        execute("CREATE TRIGGER refuse_poison BEFORE INSERT ON `clean-log` FOR EACH ROW "
                + "IF NEW.url LIKE '%/poison/%' THEN SIGNAL SQLSTATE '45000' SET MESSAGE_TEXT = 'poison refused'; END IF");
        lines.append(log, 30_000, 0, 1_000);
        Set<String> poisoned = new HashSet<>();
        for (int n = 999; n < 30_000; n += 1_000) {
            poisoned.add(md5(TestLog.line(n, true).getBytes(java.nio.charset.StandardCharsets.UTF_8)));
        }
        lines.cleanIds.removeAll(poisoned);
        lines.rejectedIds.addAll(poisoned);
        Pipeline pipeline = startPipeline(env());
        assertEquals(0, pipeline.producer().exitStatus(DRAIN));
        assertTablesComplete();
        assertEquals(30, db.count("SELECT COUNT(*) FROM `clean-log-rejected` WHERE reason = "
                + "'database rejected the row: poison refused (error 1644)'"), "one line in a thousand is refused");
        pipeline.assertConsumersAlive();
    }

    @Test
    void aTableDroppedUnderARunningConsumerStopsItWithOneLineAndLosesNothing() throws Exception {
        lines.append(log, 2_000, 0, 0);
        ProgramProcess lake = start("consumer-data-lake", env());
        ProgramProcess producer = start("logs-producer", env());
        awaitCount("raw-log", 2_000);
        assertEquals(0, producer.exitStatus(DRAIN), producer.output());
        execute("DROP TABLE `raw-log`");
        Set<String> before = new HashSet<>(lines.rawIds);
        lines.append(log, 1_000, 0, 0);
        Set<String> after = new HashSet<>(lines.rawIds);
        after.removeAll(before);
        assertEquals(0, start("logs-producer", env()).exitStatus(DRAIN));
        assertEquals(1, lake.exitStatus(DRAIN), "stopped for its supervisor, not retrying forever:\n" + lake.output());
        String dbName = db.url().substring(db.url().lastIndexOf('/') + 1);
        assertEquals(1, occurrences(lake.output(), "consumer-data-lake: cannot write to raw-log: Table '" + dbName
                + ".raw-log' doesn't exist (error 1146)"), lake.output());
        // The next start creates the table again: the lines the dropped one held went with it, the later ones
        // were never acknowledged and are all there.
        ProgramProcess again = start("consumer-data-lake", env());
        assertEquals(after, Eventually.poll(DRAIN, () -> ids("raw-log"), ids -> ids.equals(after)), again.output());
        assertTrue(again.isAlive(), again.output());
    }

    @Test
    void aGrantTakenAwayStopsTheConsumerWithOneLineNamingTheDatabaseUser() throws Exception {
        String dbName = db.url().substring(db.url().lastIndexOf('/') + 1);
        String user = "weblogs_lake_" + Long.toHexString(System.nanoTime());
        for (String table : new String[] {"raw-log", "raw-log-repeats"}) {
            execute(Files.readString(Path.of("../sink/src/main/resources/dev/weblogs/store/" + table + ".sql")));
        }
        execute("CREATE USER '" + user + "'@'%' IDENTIFIED BY 'lake-pw'");
        try {
            // Table grants take effect at once; a database grant only at a session's next USE.
            execute("GRANT CREATE ON `" + dbName + "`.* TO '" + user + "'@'%'");
            execute("GRANT SELECT, INSERT, UPDATE ON `" + dbName + "`.`raw-log` TO '" + user + "'@'%'");
            execute("GRANT SELECT, INSERT, UPDATE ON `" + dbName + "`.`raw-log-repeats` TO '" + user + "'@'%'");
            Map<String, String> env = env();
            env.put("DB_USER", user);
            env.put("DB_PASSWORD", "lake-pw");
            lines.append(log, 500, 0, 0);
            ProgramProcess lake = start("consumer-data-lake", env);
            start("logs-producer", env());
            awaitCount("raw-log", 500);
            execute("REVOKE INSERT ON `" + dbName + "`.`raw-log` FROM '" + user + "'@'%'");
            lines.append(log, 100, 0, 0);
            start("logs-producer", env());
            assertEquals(1, lake.exitStatus(DRAIN), lake.output());
            assertTrue(lake.output().contains("consumer-data-lake: DB_USER (--db-user): the database refuses what the "
                    + "consumer must do: INSERT command denied to user '" + user + "'"), lake.output());
            assertTrue(!lake.output().contains("lake-pw"), "no password in the output");
        } finally {
            execute("DROP USER '" + user + "'@'%'");
        }
    }
}
