package dev.weblogs.faults;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.rabbitmq.client.Channel;
import com.rabbitmq.client.Connection;
import com.rabbitmq.client.GetResponse;
import dev.weblogs.testing.Eventually;
import dev.weblogs.testing.TestDatabase;
import dev.weblogs.testing.TestServices;
import dev.weblogs.testing.TestVhost;
import java.io.IOException;
import java.net.URI;
import java.nio.file.Path;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.TestInfo;
import org.junit.jupiter.api.io.TempDir;

/**
 * What every fault test shares: a vhost and a database of its own, the packaged programs as separate
 * processes, generated lines, and the check that each table holds exactly the ids it must (every line in
 * raw-log, every parsable line in clean-log; the primary key makes a second copy impossible, so equal sets
 * mean each line once).
 */
abstract class FaultHarness {

    static final Duration DRAIN = Duration.ofSeconds(120);

    @TempDir
    Path dir;

    TestVhost vhost;
    TestDatabase db;
    final TestLog lines = TestLog.create();
    Path log;
    private final List<ProgramProcess> processes = new ArrayList<>();
    private final List<AutoCloseable> proxies = new ArrayList<>();
    private String testName;

    @BeforeEach
    void servers(TestInfo test) throws Exception {
        testName = test.getTestMethod().map(java.lang.reflect.Method::getName).orElse("?");
        vhost = newVhost();
        db = TestServices.get().newDatabase();
        log = dir.resolve("access.log");
    }

    @AfterEach
    void cleanUp() throws Exception {
        for (ProgramProcess process : processes) {
            process.close();
        }
        for (AutoCloseable proxy : proxies) {
            proxy.close();
        }
        db.close();
        vhost.close();
    }

    /** The vhost of one test: on the machine's broker. */
    TestVhost newVhost() throws Exception {
        return TestServices.get().newVhost();
    }

    Map<String, String> env() {
        Map<String, String> env = new HashMap<>();
        env.put("RABBITMQ_URI", vhost.uri().toString());
        env.put("DB_URL", db.url());
        env.put("DB_USER", db.user());
        env.put("DB_PASSWORD", db.password());
        env.put("LOG_FILE", log.toString());
        env.put("STARTUP_TIMEOUT", "30");
        return env;
    }

    /**
     * Publishes {@code file} from its start, as a user reading a rotated copy again would, waits for the run
     * to end and checks that every table is as it was: the same physical lines are the same occurrences.
     */
    void assertReadingAgainChangesNothing(Path file) throws Exception {
        Map<String, String> again = env();
        again.put("LOG_FILE", file.toString());
        ProgramProcess producer = start("logs-producer", again, "--from-start");
        assertEquals(0, producer.exitStatus(DRAIN), producer.output());
        // Let the consumers take what was published; the tables must not move.
        Thread.sleep(3_000);
        assertTablesComplete();
    }

    ProgramProcess start(String module, Map<String, String> env, String... args) throws IOException {
        return startWithInput(module, env, null, args);
    }

    /** A program reading {@code input} on its standard input. */
    ProgramProcess startWithInput(String module, Map<String, String> env, Path input, String... args)
            throws IOException {
        ProgramProcess process = ProgramProcess.start(module, env, dir, input, args);
        processes.add(process);
        return process;
    }

    /** The three programs, started in the order a user would start them. */
    record Pipeline(ProgramProcess lake, ProgramProcess clean, ProgramProcess producer) {
        void assertConsumersAlive() {
            for (ProgramProcess consumer : List.of(lake, clean)) {
                assertTrue(consumer.isAlive(), consumer + " is still running:\n" + consumer.output());
            }
        }
    }

    Pipeline startPipeline(Map<String, String> env, String... producerArgs) throws IOException {
        return new Pipeline(start("consumer-data-lake", env), start("consumer-data-clean", env),
                start("logs-producer", env, producerArgs));
    }

    TcpProxy proxy(URI server) throws IOException {
        TcpProxy proxy = new TcpProxy(server.getHost(), server.getPort());
        proxies.add(proxy);
        return proxy;
    }

    void awaitCount(String table, long count) throws Exception {
        long seen = Eventually.poll(DRAIN, () -> db.count("SELECT COUNT(*) FROM `" + table + "`"), n -> n >= count);
        assertTrue(seen >= count, table + " holds " + seen + " rows, expected at least " + count + "\n" + outputs());
    }

    /**
     * Each table ends up with exactly the ids it must hold, no more, no fewer, each with the number of times
     * the server wrote its line.
     */
    void assertTablesComplete() throws Exception {
        assertEquals(lines.rawIds, Eventually.poll(DRAIN, () -> ids("raw-log"), ids -> ids.equals(lines.rawIds)),
                "raw-log holds every line once\n" + outputs());
        assertEquals(lines.cleanIds, Eventually.poll(DRAIN, () -> ids("clean-log"), ids -> ids.equals(lines.cleanIds)),
                "clean-log holds every parsable line once\n" + outputs());
        assertEquals(lines.rejectedIds, Eventually.poll(DRAIN, () -> ids("clean-log-rejected"),
                ids -> ids.equals(lines.rejectedIds)), "clean-log-rejected holds every malformed line once");
        assertOccurrences("raw-log", lines.rawIds);
        assertOccurrences("clean-log", lines.cleanIds);
        assertOccurrences("clean-log-rejected", lines.rejectedIds);
        // For the record of what each fault left behind.
        System.out.printf("[faults] %s: %d lines written (%d distinct); raw-log %d rows, %d occurrences; clean-log %d rows"
                        + " (%d parsable lines), %d occurrences; clean-log-rejected %d rows%n", testName, lines.lines(),
                lines.rawIds.size(), db.count("SELECT COUNT(*) FROM `raw-log`"),
                db.count("SELECT SUM(occurrences) FROM `raw-log`"), db.count("SELECT COUNT(*) FROM `clean-log`"),
                lines.cleanIds.size(), db.count("SELECT SUM(occurrences) FROM `clean-log`"),
                db.count("SELECT COUNT(*) FROM `clean-log-rejected`"));
    }

    /** Every row of {@code table} counts the occurrences of its line: one per line the server wrote. */
    void assertOccurrences(String table, Set<String> expectedIds) throws Exception {
        Map<String, Integer> expected = new HashMap<>();
        expectedIds.forEach(id -> expected.put(id, lines.occurrences.get(id)));
        Map<String, Integer> counted = Eventually.poll(DRAIN, () -> occurrences(table), c -> c.equals(expected));
        for (Map.Entry<String, Integer> row : expected.entrySet()) {
            assertEquals(row.getValue(), counted.get(row.getKey()), table + " occurrences of " + row.getKey());
        }
        assertEquals(expected, counted, table + ": each request counted once\n" + outputs());
    }

    Map<String, Integer> occurrences(String table) throws Exception {
        Map<String, Integer> counted = new HashMap<>();
        try (java.sql.Connection connection = db.connect(); Statement statement = connection.createStatement();
             ResultSet rows = statement.executeQuery("SELECT id, occurrences FROM `" + table + "`")) {
            while (rows.next()) {
                counted.put(rows.getString(1), rows.getInt(2));
            }
        } catch (java.sql.SQLException e) {
            if (e.getErrorCode() != 1146) {
                throw e;
            }
        }
        return counted;
    }

    Set<String> ids(String table) throws Exception {
        Set<String> ids = new HashSet<>();
        try (java.sql.Connection connection = db.connect(); Statement statement = connection.createStatement();
             ResultSet rows = statement.executeQuery("SELECT id FROM `" + table + "`")) {
            while (rows.next()) {
                ids.add(rows.getString(1));
            }
        } catch (java.sql.SQLException e) {
            if (e.getErrorCode() != 1146) {
                throw e;
            }
        }
        return ids;
    }

    void execute(String sql) throws Exception {
        try (java.sql.Connection connection = db.connect(); Statement statement = connection.createStatement()) {
            statement.execute(sql);
        }
    }

    /** Messages in {@code queue}; 0 while it does not exist (deleted, and not declared again yet). */
    long peekDeadLetters(String queue) throws Exception {
        try (Connection connection = vhost.connect()) {
            // The broker closes the channel of a failed passive declaration: not closed here.
            Channel channel = connection.createChannel();
            return channel.messageCount(queue);
        } catch (IOException e) {
            if (String.valueOf(e.getCause()).contains("NOT_FOUND")) {
                return 0;
            }
            throw e;
        }
    }

    /** Takes every message out of {@code queue}; none while it does not exist. */
    List<GetResponse> deadLetters(String queue) throws Exception {
        List<GetResponse> messages = new ArrayList<>();
        try (Connection connection = vhost.connect()) {
            Channel channel = connection.createChannel();
            for (GetResponse message = channel.basicGet(queue, true); message != null;
                    message = channel.basicGet(queue, true)) {
                messages.add(message);
            }
        } catch (IOException e) {
            if (!String.valueOf(e.getCause()).contains("NOT_FOUND")) {
                throw e;
            }
        }
        return messages;
    }

    /**
     * Runs the pipeline on 60 000 lines with {@code setting} pointing through a TCP proxy at {@code server},
     * cuts the proxy for {@code outage} under load, and checks that every line lands anyway.
     */
    Pipeline runThroughOutage(String setting, URI server, Duration outage) throws Exception {
        TcpProxy proxy = proxy(server);
        Map<String, String> env = env();
        env.put(setting, env.get(setting).replace(":" + server.getPort() + "/", ":" + proxy.port() + "/"));
        lines.append(log, 60_000, 0, 0);
        Pipeline pipeline = startPipeline(env);
        awaitCount("raw-log", 10_000);
        proxy.cut();
        Thread.sleep(outage.toMillis());
        proxy.restore();
        assertEquals(0, pipeline.producer().exitStatus(DRAIN), pipeline.producer().output());
        assertTablesComplete();
        pipeline.assertConsumersAlive();
        return pipeline;
    }

    /** The management API lists a connection some seconds after it opens, so wait for {@code count} first. */
    void closeConnections(int count) throws Exception {
        int listed = Eventually.poll(Duration.ofSeconds(20), () -> TestServices.get().connections(vhost), n -> n >= count);
        assertTrue(listed >= count, count + " programs are connected: " + listed);
        TestServices.get().closeConnections(vhost);
    }

    String outputs() {
        StringBuilder all = new StringBuilder();
        for (ProgramProcess process : processes) {
            String output = process.output();
            all.append("--- ").append(process).append(":\n")
                    .append(output.length() > 3000 ? output.substring(output.length() - 3000) : output).append('\n');
        }
        return all.toString();
    }

    static int occurrences(String text, String part) {
        int count = 0;
        for (int i = text.indexOf(part); i >= 0; i = text.indexOf(part, i + 1)) {
            count++;
        }
        return count;
    }

    static String md5(byte[] body) throws Exception {
        return java.util.HexFormat.of().formatHex(java.security.MessageDigest.getInstance("MD5").digest(body));
    }
}
