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
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
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
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Nothing lost, nothing twice, whatever happens to the processes, the broker or the database: each test
 * runs the packaged programs as separate processes against the real servers, does something bad to them
 * under load, and then checks that each table holds exactly the ids it must (every line in raw-log, every
 * parsable line in clean-log; the primary key makes a second copy impossible, so equal sets mean each
 * line once) and that the consumers are still running.
 */
class FaultToleranceIT {

    private static final Duration DRAIN = Duration.ofSeconds(120);

    @TempDir
    Path dir;

    private TestVhost vhost;
    private TestDatabase db;
    private final List<ProgramProcess> processes = new ArrayList<>();
    private final List<AutoCloseable> proxies = new ArrayList<>();
    private final TestLog lines = newTestLog();
    private Path log;

    private String testName;

    @BeforeEach
    void servers(org.junit.jupiter.api.TestInfo test) {
        testName = test.getTestMethod().map(java.lang.reflect.Method::getName).orElse("?");
        vhost = TestServices.get().newVhost();
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

    @Test
    void brokerConnectionsClosedUnderLoadAreRecovered() throws Exception {
        lines.append(log, 150_000, 0, 0);
        Pipeline pipeline = startPipeline(env());
        ProgramProcess producer = pipeline.producer();
        awaitCount("raw-log", 5_000);
        closeConnections(3);
        awaitCount("raw-log", 40_000);
        // The producer may have published everything by now; the consumers are still at work.
        closeConnections(2);
        assertEquals(0, producer.exitStatus(DRAIN), producer.output());
        assertTablesComplete();
        pipeline.assertConsumersAlive();
        assertTrue(producer.output().contains("republished"), producer.output());
    }

    @Test
    void unroutableLinesStopTheProducerAndTheNextRunPublishesThem() throws Exception {
        lines.append(log, 150_000, 0, 0);
        Pipeline pipeline = startPipeline(env());
        awaitCount("raw-log", 5_000);
        try (Connection connection = vhost.connect(); Channel channel = connection.createChannel()) {
            channel.queueUnbind("queue-data-lake", "topic-exchange-logs", "logs");
            channel.queueUnbind("queue-data-clean", "topic-exchange-logs", "logs");
        }
        ProgramProcess producer = pipeline.producer();
        assertEquals(1, producer.exitStatus(DRAIN), producer.output());
        assertTrue(producer.output().contains("logs-producer: a line was unroutable (NO_ROUTE)"), producer.output());
        // Every program declares the bindings at start: the next run restores them and publishes the rest.
        ProgramProcess again = start("logs-producer", env());
        assertEquals(0, again.exitStatus(DRAIN), again.output());
        // Between the two unbinds, lines reached queue-data-clean only. The broker confirms a line that
        // reached some queue, so that gap is a documented limit (README, Guarantees): those lines are in
        // clean-log and not in raw-log. Every other line is in both.
        assertEquals(lines.cleanIds, Eventually.poll(DRAIN, () -> ids("clean-log"), ids -> ids.equals(lines.cleanIds)),
                "clean-log holds every line\n" + outputs());
        Set<String> raw = ids("raw-log");
        assertTrue(lines.rawIds.containsAll(raw), "raw-log holds nothing else");
        assertTrue(raw.size() > lines.rawIds.size() - 5_000,
                "only the lines of the moment between the two unbinds miss raw-log: " + raw.size());
        pipeline.assertConsumersAlive();
    }

    @Test
    void brokerUnreachableForSecondsUnderLoad() throws Exception {
        runThroughOutage("RABBITMQ_URI", vhost.uri(), Duration.ofSeconds(5));
    }

    @Test
    void databaseUnavailableFor15SecondsUnderLoad() throws Exception {
        Pipeline pipeline = runThroughOutage("DB_URL", URI.create(db.url().substring("jdbc:".length())),
                Duration.ofSeconds(15));
        for (ProgramProcess consumer : List.of(pipeline.lake(), pipeline.clean())) {
            String output = consumer.output();
            assertEquals(1, occurrences(output, "database unavailable"), "outage logged once:\n" + output);
            assertEquals(1, occurrences(output, "database available again"), "recovery logged once:\n" + output);
        }
        assertEquals(0, deadLetters("queue-data-clean-dead-letter").size(), "nothing dead-lettered for an outage");
        assertEquals(0, deadLetters("queue-data-lake-dead-letter").size(), "nothing dead-lettered for an outage");
    }

    @Test
    void malformedLinesAreDeadLetteredAndKeptInTheLake() throws Exception {
        lines.append(log, 50_000, 50, 0);
        Pipeline pipeline = startPipeline(env());
        assertEquals(0, pipeline.producer().exitStatus(DRAIN));
        assertTablesComplete();
        List<GetResponse> dead = deadLetters("queue-data-clean-dead-letter");
        assertEquals(1_000, dead.size());
        for (GetResponse message : dead) {
            assertTrue(message.getProps().getHeaders().get("x-reason").toString().startsWith("client address 'garbage'"),
                    message.getProps().getHeaders().toString());
        }
        pipeline.assertConsumersAlive();
    }

    @Test
    void aDeadLetterQueueDeletedWhileRunningIsDeclaredAgainAndLosesNothingAfter() throws Exception {
        lines.append(log, 10_000, 0, 0);
        Pipeline pipeline = startPipeline(env(), "--follow");
        awaitCount("clean-log", 10_000);
        try (Connection connection = vhost.connect(); Channel channel = connection.createChannel()) {
            channel.queueDelete("queue-data-clean-dead-letter");
        }
        lines.append(log, 20_000, 100, 0);
        assertTablesComplete();
        Eventually.poll(DRAIN, () -> peekDeadLetters("queue-data-clean-dead-letter"), n -> n >= 200);
        assertEquals(200, deadLetters("queue-data-clean-dead-letter").size(), "every malformed line set aside");
        assertEquals(0, pipeline.producer().terminate(Duration.ofSeconds(30)));
        pipeline.assertConsumersAlive();
    }

    @Test
    void aConsumerWhoseQueueIsDeletedExitsWithOneLineForItsSupervisor() throws Exception {
        ProgramProcess lake = start("consumer-data-lake", env());
        Eventually.poll(DRAIN, lake::output, output -> output.contains("consuming queue-data-lake"));
        try (Connection connection = vhost.connect(); Channel channel = connection.createChannel()) {
            channel.queueDelete("queue-data-lake");
        }
        assertEquals(1, lake.exitStatus(Duration.ofSeconds(30)), lake.output());
        assertTrue(lake.output().contains(
                "consumer-data-lake: RabbitMQ stopped delivering queue-data-lake (was the queue deleted?)"), lake.output());
    }

    @Test
    void aRowTheDatabaseRefusesIsDeadLetteredAndTheRestOfItsBatchStored() throws Exception {
        try (java.sql.Connection connection = db.connect(); Statement statement = connection.createStatement()) {
            statement.execute(Files.readString(Path.of("../sink/src/main/resources/dev/weblogs/store/clean-log.sql")));
            statement.execute("CREATE TRIGGER refuse_poison BEFORE INSERT ON `clean-log` FOR EACH ROW "
                    + "IF NEW.url LIKE '%/poison/%' THEN SIGNAL SQLSTATE '22000' SET MESSAGE_TEXT = 'poison refused'; END IF");
        }
        lines.append(log, 30_000, 0, 1_000);
        Pipeline pipeline = startPipeline(env());
        assertEquals(0, pipeline.producer().exitStatus(DRAIN));
        Eventually.poll(DRAIN, () -> peekDeadLetters("queue-data-clean-dead-letter"), n -> n >= 30);
        List<GetResponse> dead = deadLetters("queue-data-clean-dead-letter");
        assertEquals(30, dead.size(), "one line in a thousand is refused");
        Set<String> stored = new HashSet<>(lines.cleanIds);
        for (GetResponse message : dead) {
            String reason = message.getProps().getHeaders().get("x-reason").toString();
            assertTrue(reason.startsWith("database rejected the row: ") && reason.endsWith("poison refused"), reason);
            assertTrue(new String(message.getBody(), java.nio.charset.StandardCharsets.UTF_8).contains("/poison/"));
            stored.remove(md5(message.getBody()));
        }
        assertEquals(stored, Eventually.poll(DRAIN, () -> ids("clean-log"), ids -> ids.equals(stored)),
                "every other row of the poisoned batches is stored");
        assertEquals(lines.rawIds, Eventually.poll(DRAIN, () -> ids("raw-log"), ids -> ids.equals(lines.rawIds)));
        pipeline.assertConsumersAlive();
    }

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

    private static TestLog newTestLog() {
        try {
            return new TestLog();
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private Map<String, String> env() {
        Map<String, String> env = new HashMap<>();
        env.put("RABBITMQ_URI", vhost.uri().toString());
        env.put("DB_URL", db.url());
        env.put("DB_USER", db.user());
        env.put("DB_PASSWORD", db.password());
        env.put("LOG_FILE", log.toString());
        env.put("STARTUP_TIMEOUT", "30");
        return env;
    }

    private ProgramProcess start(String module, Map<String, String> env, String... args) throws IOException {
        ProgramProcess process = ProgramProcess.start(module, env, dir, args);
        processes.add(process);
        return process;
    }

    /**
     * Runs the pipeline on 60 000 lines with {@code setting} pointing through a TCP proxy at {@code server},
     * cuts the proxy for {@code outage} under load, and checks that every line lands anyway.
     */
    private Pipeline runThroughOutage(String setting, URI server, Duration outage) throws Exception {
        TcpProxy proxy = proxy(server.getHost(), server.getPort());
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
    private void closeConnections(int count) throws Exception {
        int listed = Eventually.poll(Duration.ofSeconds(20), () -> TestServices.get().connections(vhost), n -> n >= count);
        assertTrue(listed >= count, count + " programs are connected: " + listed);
        TestServices.get().closeConnections(vhost);
    }

    private TcpProxy proxy(String host, int port) throws IOException {
        TcpProxy proxy = new TcpProxy(host, port);
        proxies.add(proxy);
        return proxy;
    }

    private void awaitCount(String table, long count) throws Exception {
        long seen = Eventually.poll(DRAIN, () -> db.count("SELECT COUNT(*) FROM `" + table + "`"), n -> n >= count);
        assertTrue(seen >= count, table + " holds " + seen + " rows, expected at least " + count + "\n" + outputs());
    }

    /** Each table ends up with exactly the ids it must hold, no more, no fewer. */
    private void assertTablesComplete() throws Exception {
        assertEquals(lines.rawIds, Eventually.poll(DRAIN, () -> ids("raw-log"), ids -> ids.equals(lines.rawIds)),
                "raw-log holds every line once\n" + outputs());
        assertEquals(lines.cleanIds, Eventually.poll(DRAIN, () -> ids("clean-log"), ids -> ids.equals(lines.cleanIds)),
                "clean-log holds every parsable line once\n" + outputs());
        // For the record of what each fault left behind.
        System.out.printf("[faults] %s: %d lines written; raw-log %d rows, clean-log %d rows (%d parsable lines)%n",
                testName, lines.lines(), db.count("SELECT COUNT(*) FROM `raw-log`"),
                db.count("SELECT COUNT(*) FROM `clean-log`"), lines.cleanIds.size());
    }

    private Set<String> ids(String table) throws Exception {
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

    private Long peekDeadLetters(String queue) throws Exception {
        try (Connection connection = vhost.connect(); Channel channel = connection.createChannel()) {
            return channel.messageCount(queue);
        }
    }

    private List<GetResponse> deadLetters(String queue) throws Exception {
        List<GetResponse> messages = new ArrayList<>();
        try (Connection connection = vhost.connect(); Channel channel = connection.createChannel()) {
            for (GetResponse message = channel.basicGet(queue, true); message != null;
                    message = channel.basicGet(queue, true)) {
                messages.add(message);
            }
        }
        return messages;
    }

    /** The three programs, started in the order a user would start them. */
    private record Pipeline(ProgramProcess lake, ProgramProcess clean, ProgramProcess producer) {
        void assertConsumersAlive() {
            for (ProgramProcess consumer : List.of(lake, clean)) {
                assertTrue(consumer.isAlive(), consumer + " is still running:\n" + consumer.output());
            }
        }
    }

    private Pipeline startPipeline(Map<String, String> env, String... producerArgs) throws IOException {
        return new Pipeline(start("consumer-data-lake", env), start("consumer-data-clean", env),
                start("logs-producer", env, producerArgs));
    }

    private String outputs() {
        StringBuilder all = new StringBuilder();
        for (ProgramProcess process : processes) {
            String output = process.output();
            all.append("--- ").append(process).append(":\n")
                    .append(output.length() > 3000 ? output.substring(output.length() - 3000) : output).append('\n');
        }
        return all.toString();
    }

    private static int occurrences(String text, String part) {
        int count = 0;
        for (int i = text.indexOf(part); i >= 0; i = text.indexOf(part, i + 1)) {
            count++;
        }
        return count;
    }

    private static String md5(byte[] body) throws Exception {
        return java.util.HexFormat.of().formatHex(java.security.MessageDigest.getInstance("MD5").digest(body));
    }
}
