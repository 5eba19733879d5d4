package dev.weblogs.pipeline;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.rabbitmq.client.Channel;
import com.rabbitmq.client.Connection;
import com.rabbitmq.client.GetResponse;
import dev.weblogs.amqp.Broker;
import dev.weblogs.amqp.Publisher;
import dev.weblogs.lifecycle.Stop;
import dev.weblogs.testing.TestServices;
import dev.weblogs.testing.TestVhost;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The publisher against a real broker that drops its connections while lines are in flight. */
class PublisherIT {

    private static final int LINES = 200_000;

    @Test
    void everyLineIsConfirmedOnceTheBrokerIsBackAndTheWindowIsWholeAgain() throws Exception {
        TestServices services = TestServices.get();
        try (TestVhost vhost = services.newVhost()) {
            SimpleMeterRegistry metrics = new SimpleMeterRegistry();
            Stop stop = new Stop();
            java.util.concurrent.atomic.AtomicIntegerArray confirms = new java.util.concurrent.atomic.AtomicIntegerArray(
                    LINES + 5_000);
            try (Publisher publisher = new Publisher(new Broker(vhost.settings(), "test", stop), 5_000, Duration.ZERO, stop,
                    metrics)) {
                // While lines stream out, the broker closes the connection twice, as in a failover.
                Thread closer = new Thread(() -> {
                    try {
                        for (int time = 0; time < 2; time++) {
                            waitForListedConnection(services, vhost);
                            services.closeConnections(vhost);
                            Thread.sleep(1_000);
                        }
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                    }
                });
                closer.start();
                for (int i = 0; i < LINES; i++) {
                    int line = i;
                    publisher.publish(("line " + i).getBytes(StandardCharsets.UTF_8), "key-" + i,
                            () -> confirms.incrementAndGet(line));
                }
                closer.join();
                assertTrue(publisher.awaitConfirms(Duration.ofSeconds(60)), "every line confirmed");
                assertEquals(0, publisher.unconfirmed());
                for (int i = 0; i < LINES; i++) {
                    assertEquals(1, confirms.get(i), "line " + i + " confirmed once, however often it was sent");
                }
                double republished = metrics.get("weblogs.lines.republished").counter().count();
                assertTrue(republished > 100, "the unconfirmed lines were published again, not just one: "
                        + republished);
                // Each line is tracked until a confirm of its own: none forgotten on the way.
                assertEquals(metrics.get("weblogs.lines.published").counter().count(),
                        metrics.get("weblogs.lines.confirmed").counter().count());

                // The window is whole again: another full window goes through without waiting for permits.
                for (int i = LINES; i < LINES + 5_000; i++) {
                    int line = i;
                    publisher.publish(("line " + i).getBytes(StandardCharsets.UTF_8), "key-" + i,
                            () -> confirms.incrementAndGet(line));
                }
                assertTrue(publisher.awaitConfirms(Duration.ofSeconds(60)));
            }
            assertEquals(LINES + 5_000, distinctLinesIn(vhost, "queue-data-lake"), "no line lost");
        }
    }

    private static void waitForListedConnection(TestServices services, TestVhost vhost) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
        while (services.connections(vhost) < 1 && System.nanoTime() < deadline) {
            Thread.sleep(200);
        }
    }

    private static int distinctLinesIn(TestVhost vhost, String queue) throws Exception {
        Set<String> lines = new HashSet<>();
        try (Connection connection = vhost.connect(); Channel channel = connection.createChannel()) {
            for (GetResponse message = channel.basicGet(queue, true); message != null;
                    message = channel.basicGet(queue, true)) {
                lines.add(new String(message.getBody(), StandardCharsets.UTF_8));
            }
        }
        return lines.size();
    }
}
