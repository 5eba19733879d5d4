package dev.weblogs.faults;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.weblogs.testing.ClusterNodes;
import dev.weblogs.testing.Eventually;
import dev.weblogs.testing.TestVhost;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The packaged programs on a real three-node RabbitMQ cluster ({@code scripts/rabbitmq-cluster.sh}) with quorum
 * queues, through the loss of nodes under load: after each fault, each table holds exactly the lines it must,
 * with their occurrences, and every program is still running or exited 0.
 */
class ClusterFaultsIT extends FaultHarness {

    private static ClusterNodes cluster;

    @BeforeAll
    static void cluster() throws Exception {
        cluster = ClusterNodes.start();
    }

    @AfterAll
    static void stopCluster() throws Exception {
        cluster.stopAll();
    }

    @Override
    TestVhost newVhost() {
        return cluster.newVhost();
    }

    @Override
    Map<String, String> env() {
        Map<String, String> env = super.env();
        env.put("RABBITMQ_URI", cluster.uris(vhost));
        env.put("QUEUE_TYPE", "quorum");
        return env;
    }

    @Test
    void theNodeLeadingAQueueKilledMidStreamThenStartedAgain() throws Exception {
        lines.append(log, 40_000, 0, 0);
        Pipeline pipeline = startPipeline(env());
        awaitCount("raw-log", 5_000);
        int leader = cluster.leaderOf(vhost, "queue-data-lake", 1);
        cluster.kill(leader);
        long before = db.count("SELECT COUNT(*) FROM `raw-log`");
        awaitCount("raw-log", before + 5_000);
        cluster.startNode(leader);
        assertEquals(0, pipeline.producer().exitStatus(DRAIN), pipeline.producer().output());
        assertTablesComplete();
        pipeline.assertConsumersAlive();
    }

    @Test
    void everyNodeRestartedOneAfterTheOtherWhileLinesFlow() throws Exception {
        lines.append(log, 60_000, 0, 0);
        Pipeline pipeline = startPipeline(env());
        awaitCount("raw-log", 3_000);
        for (int node = 1; node <= 3; node++) {
            int up = node == 1 ? 2 : 1;
            cluster.stopNode(node);
            cluster.startNode(node);
            Eventually.poll(DRAIN, () -> cluster.allOnline(vhost, "queue-data-clean", up), online -> online);
        }
        assertEquals(0, pipeline.producer().exitStatus(DRAIN), pipeline.producer().output());
        assertTablesComplete();
        pipeline.assertConsumersAlive();
    }

    @Test
    void aNodeCutOffFromItsClientsWhileTheProducerPublishesToIt() throws Exception {
        lines.append(log, 60_000, 0, 0);
        Pipeline pipeline = startPipeline(env());
        awaitCount("raw-log", 5_000);
        for (int time = 0; time < 2; time++) {
            int closed = 0;
            for (int node = 1; node <= 3 && closed == 0; node++) {
                // The node the producer is on: its connections, the producer's among them, closed by the broker.
                int listed = Eventually.poll(Duration.ofSeconds(20), () -> cluster.connections(vhost, 1), n -> n >= 3);
                assertTrue(listed >= 3, "the three programs are connected");
                closed = cluster.closeConnectionsOn(vhost, node);
            }
            assertTrue(closed > 0, "some node served connections");
            Thread.sleep(3_000);
        }
        assertEquals(0, pipeline.producer().exitStatus(DRAIN), pipeline.producer().output());
        assertTablesComplete();
        pipeline.assertConsumersAlive();
    }

    @Test
    void twoOfEachConsumerOneOfEachKilledWhileANodeIsDown() throws Exception {
        cluster.stopNode(3);
        try {
            lines.append(log, 40_000, 0, 0);
            List<ProgramProcess> lakes = List.of(start("consumer-data-lake", env()), start("consumer-data-lake", env()));
            List<ProgramProcess> cleans = List.of(start("consumer-data-clean", env()), start("consumer-data-clean", env()));
            ProgramProcess producer = start("logs-producer", env());
            awaitCount("raw-log", 10_000);
            lakes.get(0).kill();
            cleans.get(0).kill();
            assertEquals(0, producer.exitStatus(DRAIN), producer.output());
            assertTablesComplete();
            for (ProgramProcess survivor : List.of(lakes.get(1), cleans.get(1))) {
                assertEquals(0, survivor.terminate(Duration.ofSeconds(40)), survivor.output());
            }
        } finally {
            cluster.startNode(3);
        }
    }
}
