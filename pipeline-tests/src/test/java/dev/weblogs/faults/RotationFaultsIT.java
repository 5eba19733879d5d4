package dev.weblogs.faults;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.StandardCopyOption;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Log rotation while the producer follows the log, and between two runs. */
class RotationFaultsIT extends FaultHarness {

    @Test
    void followAcrossRenameAndCreateRotation() throws Exception {
        lines.append(log, 20_000, 0, 0);
        Pipeline pipeline = startPipeline(env(), "--follow");
        ProgramProcess producer = pipeline.producer();
        awaitCount("raw-log", 20_000);
        lines.append(log, 5_000, 0, 0);
        Files.move(log, dir.resolve("access.log.1"));
        // The server writes a little more to the old file before it reopens the log.
        lines.append(dir.resolve("access.log.1"), 3_000, 0, 0);
        lines.append(log, 10_000, 0, 0);
        awaitCount("raw-log", lines.rawIds.size());
        lines.append(log, 5_000, 0, 0);
        assertTablesComplete();
        assertReadingAgainChangesNothing(dir.resolve("access.log.1"));
        assertEquals(0, producer.terminate(Duration.ofSeconds(30)), producer.output());
        assertTrue(producer.output().contains("was rotated"), producer.output());
        pipeline.assertConsumersAlive();
    }

    @Test
    void aRotationWhileNoProducerRunsIsCaughtUpByTheNextRun() throws Exception {
        lines.append(log, 20_000, 0, 0);
        Pipeline pipeline = startPipeline(env());
        assertEquals(0, pipeline.producer().exitStatus(DRAIN), pipeline.producer().output());
        // Written after that run, then rotated away before the next one.
        lines.append(log, 5_000, 0, 0);
        Files.move(log, dir.resolve("access.log.1"));
        lines.append(log, 7_000, 0, 0);
        ProgramProcess again = start("logs-producer", env());
        assertEquals(0, again.exitStatus(DRAIN), again.output());
        assertTrue(again.output().contains("was rotated since the last run"), again.output());
        assertTablesComplete();
        assertReadingAgainChangesNothing(dir.resolve("access.log.1"));
        pipeline.assertConsumersAlive();
    }

    @Test
    void followAcrossCopytruncateRotation() throws Exception {
        lines.append(log, 20_000, 0, 0);
        Pipeline pipeline = startPipeline(env(), "--follow");
        ProgramProcess producer = pipeline.producer();
        awaitCount("raw-log", 20_000);
        Files.copy(log, dir.resolve("access.log.1"), StandardCopyOption.REPLACE_EXISTING);
        try (var channel = java.nio.channels.FileChannel.open(log, java.nio.file.StandardOpenOption.WRITE)) {
            channel.truncate(0);
        }
        Thread.sleep(1_000);
        lines.append(log, 10_000, 0, 0);
        assertTablesComplete();
        assertReadingAgainChangesNothing(dir.resolve("access.log.1"));
        assertEquals(0, producer.terminate(Duration.ofSeconds(30)), producer.output());
        assertTrue(producer.output().contains("was truncated"), producer.output());
        pipeline.assertConsumersAlive();
    }

    @Test
    void aPartialLastLineWaitsForItsNewline() throws Exception {
        ProgramProcess lake = start("consumer-data-lake", env());
        lines.append(log, 100, 0, 0);
        String partial = "10.9.9.9 - - [01/Mar/2023:00:00:09 -0500] \"GET /late HTTP/1.1\" 200 5 -";
        Files.writeString(log, partial.substring(0, 30), java.nio.file.StandardOpenOption.APPEND);
        ProgramProcess producer = start("logs-producer", env(), "--follow");
        awaitCount("raw-log", 100);
        Thread.sleep(1_500);
        assertEquals(100, db.count("SELECT COUNT(*) FROM `raw-log`"), "the partial line is not published");
        Files.writeString(log, partial.substring(30) + "\n", java.nio.file.StandardOpenOption.APPEND);
        awaitCount("raw-log", 101);
        assertEquals(1, db.count("SELECT COUNT(*) FROM `raw-log` WHERE log LIKE '%GET /late HTTP/1.1%'"));
        assertEquals(0, producer.terminate(Duration.ofSeconds(30)));
        assertEquals(0, lake.terminate(Duration.ofSeconds(30)));
    }

    @Test
    void followAcrossCopytruncateRotationRegrownPastTheReadPosition() throws Exception {
        lines.append(log, 200, 0, 0);
        Pipeline pipeline = startPipeline(env(), "--follow");
        awaitCount("raw-log", 200);
        // A small log rotated, then a burst of traffic before the producer looks again.
        Files.copy(log, dir.resolve("access.log.1"), StandardCopyOption.REPLACE_EXISTING);
        try (var channel = java.nio.channels.FileChannel.open(log, java.nio.file.StandardOpenOption.WRITE)) {
            channel.truncate(0);
        }
        lines.append(log, 3_000, 0, 0);
        assertTablesComplete();
        ProgramProcess producer = pipeline.producer();
        assertEquals(0, producer.terminate(Duration.ofSeconds(30)), producer.output());
        assertTrue(producer.output().contains("was truncated"), producer.output());
        pipeline.assertConsumersAlive();
    }

    @Test
    void twoFilesHoldingTheSameLineCountItTwice() throws Exception {
        // Two servers, the same request at the same second: two requests.
        String shared = TestLog.line(123_456, false);
        Path other = dir.resolve("other.log");
        lines.append(log, 300, 0, 0);
        lines.appendLine(log, shared, true);
        lines.append(other, 500, 0, 0);
        lines.appendLine(other, shared, true);
        start("consumer-data-lake", env());
        start("consumer-data-clean", env());
        assertEquals(0, start("logs-producer", env()).exitStatus(DRAIN));
        Map<String, String> second = env();
        second.put("LOG_FILE", other.toString());
        assertEquals(0, start("logs-producer", second).exitStatus(DRAIN));
        assertTablesComplete();
        assertEquals(2, lines.occurrences.get(md5(shared.getBytes(java.nio.charset.StandardCharsets.UTF_8))));
    }
}
