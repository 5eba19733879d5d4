package dev.weblogs.faults;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.weblogs.testing.Eventually;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/**
 * {@code rebuild} killed halfway, and beside a consumer under load: each time the clean side ends exactly
 * what the consumer writes for every line today. The lines' clients are private and documentation addresses,
 * which no GeoIP database places, so a row still placed somewhere after the rebuild is a row it missed.
 */
class RebuildFaultsIT extends FaultHarness {

    @Test
    void aRebuildKilledHalfwayContinuesWhereItStoppedAndEndsExact() throws Exception {
        lines.append(log, 60_000, 50, 0);
        Pipeline pipeline = startPipeline(env());
        assertEquals(0, pipeline.producer().exitStatus(DRAIN));
        assertTablesComplete();
        misplaceEveryRow();

        ProgramProcess first = start("consumer-data-clean", env(), "rebuild");
        long read = Eventually.poll(DRAIN, () -> db.count("SELECT COALESCE(MAX(rows_read), 0) FROM `clean-log-rebuild`"),
                n -> n >= 10_000);
        first.kill();
        assertTrue(read < 60_000 && db.count("SELECT COUNT(*) FROM `clean-log-rebuild` WHERE finished_at IS NULL") == 1,
                "killed halfway, after " + read + " rows:\n" + first.output());

        ProgramProcess again = start("consumer-data-clean", env(), "rebuild");
        assertEquals(0, again.exitStatus(DRAIN), again.output());
        assertTrue(again.output().contains("rows of raw-log read (resumed)"), again.output());
        assertRebuiltExactly();
        pipeline.assertConsumersAlive();
    }

    @Test
    void aRebuildBesideALiveConsumerUnderLoadEndsExact() throws Exception {
        lines.append(log, 30_000, 50, 0);
        Pipeline pipeline = startPipeline(env(), "--follow");
        awaitCount("raw-log", lines.rawIds.size());
        assertTablesComplete();
        misplaceEveryRow();

        ProgramProcess rebuild = start("consumer-data-clean", env(), "rebuild");
        lines.append(log, 30_000, 50, 0);
        assertEquals(0, rebuild.exitStatus(DRAIN), rebuild.output());
        assertRebuiltExactly();
        assertEquals(0, pipeline.producer().terminate(Duration.ofSeconds(30)), pipeline.producer().output());
        pipeline.assertConsumersAlive();
    }

    /** What an older GeoIP database might have said: every row somewhere. */
    private void misplaceEveryRow() throws Exception {
        execute("UPDATE `clean-log` SET country = 'Nowhere', city = 'Nowhere'");
    }

    private void assertRebuiltExactly() throws Exception {
        assertTablesComplete();
        assertEquals(0, db.count("SELECT COUNT(*) FROM `clean-log` WHERE country IS NOT NULL OR city IS NOT NULL"),
                "every row as the consumer writes it today");
        assertEquals(1, db.count("SELECT COUNT(*) FROM `clean-log-rebuild` WHERE finished_at IS NOT NULL"));
    }
}
