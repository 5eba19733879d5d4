package dev.weblogs.pipeline;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.weblogs.lake.DataLakeConsumer;
import dev.weblogs.producer.LogsProducer;
import dev.weblogs.lifecycle.Stop;
import dev.weblogs.testing.Eventually;
import dev.weblogs.testing.RunningProgram;
import dev.weblogs.testing.TestDatabase;
import dev.weblogs.testing.TestServices;
import dev.weblogs.testing.TestVhost;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Prometheus metrics and health, read over HTTP while lines flow, as an operator's curl would. */
class MetricsIT {

    private static final HttpClient HTTP = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();

    @TempDir
    Path dir;

    @Test
    void countersMoveWhileLinesFlowAndHealthSaysTheLinksAreUp() throws Exception {
        int consumerPort = freePort();
        int producerPort = freePort();
        Path log = dir.resolve("access.log");
        Files.writeString(log, lines(0, 500));
        try (TestVhost vhost = TestServices.get().newVhost(); TestDatabase db = TestServices.get().newDatabase()) {
            Map<String, String> env = Map.of("RABBITMQ_URI", vhost.uri().toString(), "DB_URL", db.url(),
                    "DB_USER", db.user(), "DB_PASSWORD", db.password(), "STATE_DIR", dir.resolve("state").toString());
            RunningProgram lake = RunningProgram.start("lake", stop -> DataLakeConsumer.run(
                    new String[] {"--metrics-port", String.valueOf(consumerPort)}, env, stop));
            RunningProgram producer = RunningProgram.start("producer", stop -> LogsProducer.run(new String[] {
                "--log-file", log.toString(), "--follow", "--metrics-port", String.valueOf(producerPort)}, env, stop));

            String consumerMetrics = "http://127.0.0.1:" + consumerPort + "/metrics";
            double first = Eventually.poll(Duration.ofSeconds(30),
                    () -> value(scrape(consumerMetrics), "weblogs_rows_written_total", "raw-log"), n -> n >= 500);
            assertEquals(500, first);
            Files.writeString(log, lines(500, 800), StandardOpenOption.APPEND);
            double second = Eventually.poll(Duration.ofSeconds(30),
                    () -> value(scrape(consumerMetrics), "weblogs_rows_written_total", "raw-log"), n -> n >= 800);
            assertEquals(800, second, "the counter moved with the new lines");

            String consumerText = get(consumerMetrics);
            for (String name : new String[] {"weblogs_rows_duplicates_total", "weblogs_lines_rejected_total",
                    "weblogs_database_retries_total", "weblogs_batch_size_count", "weblogs_batch_commit_seconds_count",
                    "weblogs_queue_messages", "jvm_memory_used_bytes"}) {
                assertTrue(consumerText.contains(name), name + " in\n" + consumerText);
            }
            String producerText = get("http://127.0.0.1:" + producerPort + "/metrics");
            assertEquals(800, value(producerText, "weblogs_lines_read_total", null));
            assertEquals(800, value(producerText, "weblogs_lines_confirmed_total", null));
            for (String name : new String[] {"weblogs_lines_published_total", "weblogs_lines_nacked_total",
                    "weblogs_lines_republished_total", "weblogs_lines_unconfirmed"}) {
                assertTrue(producerText.contains(name), name + " in\n" + producerText);
            }

            HttpResponse<String> health = HTTP.send(HttpRequest.newBuilder(
                    URI.create("http://127.0.0.1:" + consumerPort + "/health")).build(), HttpResponse.BodyHandlers.ofString());
            assertEquals(200, health.statusCode());
            assertTrue(health.body().contains("\"status\":\"UP\"") && health.body().contains("\"broker\":\"UP\"")
                    && health.body().contains("\"database\":\"UP\""), health.body());
            assertEquals("{\"status\":\"UP\",\"broker\":\"UP\"}",
                    get("http://127.0.0.1:" + producerPort + "/health"));

            assertEquals(0, producer.stop(Duration.ofSeconds(30)));
            assertEquals(0, lake.stop(Duration.ofSeconds(30)));
        }
    }

    private static String lines(int from, int to) {
        StringBuilder lines = new StringBuilder();
        for (int i = from; i < to; i++) {
            lines.append("10.1.").append(i / 250).append('.').append(i % 250)
                    .append(" - - [01/Mar/2023:00:00:09 -0500] \"GET /page/").append(i).append(" HTTP/1.1\" 200 ")
                    .append(i).append(" -\n");
        }
        return lines.toString();
    }

    /** The value of a sample of {@code name}, the one tagged {@code table} if given. */
    private static double value(String metrics, String name, String table) {
        Pattern sample = Pattern.compile("^" + name + "\\{([^}]*)\\} ([0-9.eE+-]+)$", Pattern.MULTILINE);
        Matcher m = sample.matcher(metrics);
        while (m.find()) {
            if (table == null || m.group(1).contains("table=\"" + table + "\"")) {
                return Double.parseDouble(m.group(2));
            }
        }
        return -1;
    }

    /** The metrics, or nothing while the program has not started serving them yet. */
    private static String scrape(String url) throws InterruptedException {
        try {
            return get(url);
        } catch (IOException e) {
            return "";
        }
    }

    private static String get(String url) throws IOException, InterruptedException {
        HttpResponse<String> response = HTTP.send(HttpRequest.newBuilder(URI.create(url)).build(),
                HttpResponse.BodyHandlers.ofString());
        assertEquals(200, response.statusCode(), url);
        return response.body();
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
