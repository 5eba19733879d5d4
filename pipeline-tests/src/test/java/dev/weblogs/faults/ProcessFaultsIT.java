package dev.weblogs.faults;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Programs killed or stopped at any moment: what was not confirmed or committed is sent or delivered again. */
class ProcessFaultsIT extends FaultHarness {

    @Test
    void consumersKilledMidStreamAndRestartedLoseNothing() throws Exception {
        lines.append(log, 60_000, 0, 0);
        Pipeline pipeline = startPipeline(env());
        ProgramProcess producer = pipeline.producer();
        awaitCount("raw-log", 10_000);
        pipeline.lake().kill();
        awaitCount("clean-log", 20_000);
        pipeline.clean().kill();
        assertEquals(0, producer.exitStatus(DRAIN), producer.output());
        // Two of each on the same queues: competing consumers.
        List<ProgramProcess> consumers = List.of(start("consumer-data-lake", env()), start("consumer-data-lake", env()),
                start("consumer-data-clean", env()), start("consumer-data-clean", env()));
        assertTablesComplete();
        for (ProgramProcess consumer : consumers) {
            assertEquals(0, consumer.terminate(Duration.ofSeconds(30)), consumer + " stops with 0 on SIGTERM:\n"
                    + consumer.output());
        }
    }

    @Test
    void producerKilledMidFileResumesWhereTheBrokerConfirmed() throws Exception {
        lines.append(log, 80_000, 0, 0);
        Pipeline pipeline = startPipeline(env());
        ProgramProcess producer = pipeline.producer();
        awaitCount("raw-log", 15_000);
        producer.kill();
        ProgramProcess again = start("logs-producer", env());
        assertEquals(0, again.exitStatus(DRAIN), again.output());
        assertTrue(again.output().contains("resuming " + log + " at byte "),
                "the second run continued from the saved position:\n" + again.output());
        assertTablesComplete();
        // The whole file once more: every line is an occurrence already counted.
        assertEquals(0, start("logs-producer", env(), "--from-start").exitStatus(DRAIN));
        assertTablesComplete();
        pipeline.assertConsumersAlive();
    }

    @Test
    void producerStoppedBySigtermSavesItsPlaceAndTheNextRunFinishes() throws Exception {
        lines.append(log, 60_000, 0, 0);
        Pipeline pipeline = startPipeline(env());
        ProgramProcess producer = pipeline.producer();
        awaitCount("raw-log", 10_000);
        assertEquals(0, producer.terminate(Duration.ofSeconds(30)), producer.output());
        ProgramProcess again = start("logs-producer", env());
        assertEquals(0, again.exitStatus(DRAIN), again.output());
        assertTablesComplete();
        pipeline.assertConsumersAlive();
    }
}
