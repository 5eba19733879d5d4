package dev.weblogs.pipeline;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.weblogs.clean.DataCleanConsumer;
import dev.weblogs.lake.DataLakeConsumer;
import dev.weblogs.producer.LogsProducer;
import dev.weblogs.lifecycle.Stop;
import dev.weblogs.testing.TestDatabase;
import dev.weblogs.testing.TestServices;
import dev.weblogs.testing.TestVhost;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;
import picocli.CommandLine.Model.OptionSpec;

/**
 * The command line as a new user meets it: complete help, and for every mistake a user can make one line
 * on standard error that names the setting to fix, the right exit status within seconds, no stack trace
 * and no password.
 */
class CommandLineIT {

    private static final String SECRET = "Xq9-not-the-password";

    @TempDir
    Path dir;

    @Test
    void helpOfEveryProgramListsEverySettingWithItsVariableAndDefault() throws Exception {
        check(new LogsProducer(new Stop()), () -> LogsProducer.run(new String[] {"--help"}, Map.of(), new Stop()));
        check(new DataLakeConsumer(new Stop()), () -> DataLakeConsumer.run(new String[] {"--help"}, Map.of(), new Stop()));
        check(new DataCleanConsumer(new Stop()), () -> DataCleanConsumer.run(new String[] {"--help"}, Map.of(), new Stop()));
        CapturedRun parse = CapturedRun.of(() -> DataCleanConsumer.run(new String[] {"parse", "--help"}, Map.of(), new Stop()));
        assertEquals(0, parse.status());
        assertTrue(parse.out().contains("--geoip-database") && parse.out().contains("env GEOIP_DATABASE"), parse.out());
    }

    private static void check(Object command, java.util.concurrent.Callable<Integer> help) throws Exception {
        CapturedRun run = CapturedRun.of(help);
        assertEquals(0, run.status());
        for (OptionSpec option : new CommandLine(command).getCommandSpec().options()) {
            assertTrue(run.out().contains(option.longestName()), option.longestName() + " in\n" + run.out());
            if (!option.usageHelp() && !option.versionHelp()) {
                String variable = option.longestName().substring(2).replace('-', '_').toUpperCase();
                assertTrue(run.out().contains("env " + variable + ", default "), variable + " in\n" + run.out());
            }
        }
        assertFalse(run.out().contains("guest:guest"), "no password in the help, not even the default one");
    }

    @Test
    void versionAndUnknownOption() throws Exception {
        CapturedRun version = CapturedRun.of(() -> LogsProducer.run(new String[] {"--version"}, Map.of(), new Stop()));
        assertEquals(0, version.status());
        assertTrue(version.out().startsWith("logs-producer "), version.out());

        CapturedRun unknown = CapturedRun.of(() -> DataLakeConsumer.run(new String[] {"--batch-sise", "5"}, Map.of(), new Stop()));
        assertEquals(2, unknown.status());
        assertTrue(unknown.err().startsWith("consumer-data-lake: Unknown options: '--batch-sise', '*****'"), unknown.err());
        assertTrue(unknown.err().contains("Possible solutions: --batch-size"), unknown.err());
        assertTrue(unknown.err().contains("Usage: consumer-data-lake"), "the usage follows");
    }

    @Test
    void aMisspeltPasswordOptionDoesNotPrintThePassword() throws Exception {
        CapturedRun spaced = CapturedRun.of(() -> DataLakeConsumer.run(new String[] {"--db-pasword", SECRET}, Map.of(), new Stop()));
        assertEquals(2, spaced.status());
        assertTrue(spaced.err().startsWith("consumer-data-lake: Unknown options: '--db-pasword', '*****'"), spaced.err());
        assertTrue(spaced.err().contains("--db-password"), "suggested: " + spaced.err());
        assertFalse(spaced.err().contains(SECRET), spaced.err());
        CapturedRun joined = CapturedRun.of(() -> DataLakeConsumer.run(new String[] {"--db-pasword=" + SECRET}, Map.of(), new Stop()));
        assertEquals(2, joined.status());
        assertFalse(joined.err().contains(SECRET), joined.err());
    }

    @Test
    void settingsAreReadFromDotEnvInTheWorkingDirectory() throws Exception {
        // The test runs in the module's folder, as a user runs a program in theirs.
        Path dotEnv = Path.of(".env").toAbsolutePath();
        Files.writeString(dotEnv, "METRICS_PORT=not-a-port\n");
        try {
            CapturedRun run = CapturedRun.of(() -> DataLakeConsumer.run(new String[0], Map.of(), new Stop()));
            assertOneLine(run, 2, "consumer-data-lake", "METRICS_PORT (--metrics-port): invalid value: "
                    + "'not-a-port' is not a whole number");
        } finally {
            Files.delete(dotEnv);
        }
    }

    @Test
    void missingLogFile() throws Exception {
        CapturedRun run = CapturedRun.of(() -> LogsProducer.run(new String[0], env(Map.of("LOG_FILE", "/no/such.log")), new Stop()));
        assertOneLine(run, 1, "logs-producer", "LOG_FILE (--log-file): /no/such.log does not exist");
    }

    @Test
    void aFolderAsLogFileAsksForItsLogs() throws Exception {
        CapturedRun run = CapturedRun.of(() -> LogsProducer.run(new String[] {"--log-file", dir.toString()}, env(Map.of()), new Stop()));
        assertOneLine(run, 1, "logs-producer", "LOG_FILE (--log-file): " + dir + " is a folder: name its logs, such as '"
                + dir.resolve("*.log") + "'");
    }

    @Test
    void aGlobThatMatchesNothingIsNamed() throws Exception {
        String glob = dir.resolve("*.access.log").toString();
        CapturedRun run = CapturedRun.of(() -> LogsProducer.run(new String[] {"--log-file", sample() + "," + glob},
                env(Map.of()), new Stop()));
        assertOneLine(run, 1, "logs-producer", "LOG_FILE (--log-file): '" + glob + "' matches no file");
    }

    @Test
    void standardInputNamedTwiceIsRefused() throws Exception {
        CapturedRun run = CapturedRun.of(() -> LogsProducer.run(new String[] {"--log-file", "-", "--log-file", "-"},
                env(Map.of()), new Stop()));
        assertOneLine(run, 1, "logs-producer", "LOG_FILE (--log-file): names standard input (-) more than once");
    }

    @Test
    void unreachableBrokerIsRetriedForTheStartupTimeoutThenNamed() throws Exception {
        CapturedRun run = CapturedRun.of(() -> LogsProducer.run(new String[] {"--log-file", sample()},
                env(Map.of("RABBITMQ_URI", "amqp://guest:" + SECRET + "@127.0.0.1:1/%2F", "STARTUP_TIMEOUT", "2")), new Stop()));
        assertOneLine(run, 1, "logs-producer",
                "RABBITMQ_URI (--rabbitmq-uri): cannot reach RabbitMQ at 127.0.0.1:1 (Connection refused) after trying for 2 s");
        assertTrue(run.millis() >= 2_000 && run.millis() < 10_000, run.millis() + " ms");
    }

    @Test
    void wrongBrokerPasswordIsFinalAtOnce() throws Exception {
        try (TestVhost vhost = TestServices.get().newVhost()) {
            String uri = vhost.uri().toString().replaceFirst(":[^:@/]*@", ":" + SECRET + "@");
            CapturedRun run = CapturedRun.of(() -> LogsProducer.run(new String[] {"--log-file", sample()},
                    env(Map.of("RABBITMQ_URI", uri)), new Stop()));
            String user = vhost.uri().getUserInfo().split(":")[0];
            assertOneLine(run, 1, "logs-producer", "RABBITMQ_URI (--rabbitmq-uri): RabbitMQ at "
                    + vhost.uri().getHost() + ":" + vhost.uri().getPort() + " refused user '" + user
                    + "': wrong user or password");
            assertTrue(run.millis() < 5_000, "final at once, not retried: " + run.millis() + " ms");
        }
    }

    @Test
    void unknownVhost() throws Exception {
        try (TestVhost vhost = TestServices.get().newVhost()) {
            String uri = vhost.uri().toString().replace(vhost.uri().getRawPath(), "/no-such-vhost");
            CapturedRun run = CapturedRun.of(() -> DataLakeConsumer.run(new String[0],
                    env(Map.of("RABBITMQ_URI", uri)), new Stop()));
            assertOneLine(run, 1, "consumer-data-lake", "RABBITMQ_URI (--rabbitmq-uri): vhost 'no-such-vhost' does not "
                    + "exist on RabbitMQ at " + vhost.uri().getHost() + ":" + vhost.uri().getPort());
        }
    }

    @Test
    void unreachableDatabase() throws Exception {
        CapturedRun run = CapturedRun.of(() -> DataLakeConsumer.run(new String[0], env(Map.of(
                "DB_URL", "jdbc:mysql://127.0.0.1:1/weblogs", "DB_PASSWORD", SECRET, "STARTUP_TIMEOUT", "1")), new Stop()));
        assertOneLine(run, 1, "consumer-data-lake",
                "DB_URL (--db-url): cannot reach the database at 127.0.0.1:1/weblogs (Connection refused) after trying for 1 s");
    }

    @Test
    void wrongDatabasePasswordIsFinalAtOnce() throws Exception {
        try (TestDatabase db = TestServices.get().newDatabase()) {
            CapturedRun run = CapturedRun.of(() -> DataCleanConsumer.run(new String[0], env(Map.of(
                    "DB_URL", db.url(), "DB_USER", db.user(), "DB_PASSWORD", SECRET)), new Stop()));
            assertOneLine(run, 1, "consumer-data-clean", "DB_PASSWORD (--db-password): the database at "
                    + db.url().replaceFirst("^jdbc:mysql://", "") + " refused user '" + db.user()
                    + "': wrong user (DB_USER) or password");
            assertTrue(run.millis() < 10_000, run.millis() + " ms");
        }
    }

    @Test
    void wrongDatabaseUser() throws Exception {
        try (TestDatabase db = TestServices.get().newDatabase()) {
            CapturedRun run = CapturedRun.of(() -> DataLakeConsumer.run(new String[0], env(Map.of(
                    "DB_URL", db.url(), "DB_USER", "nobody-" + new Random().nextInt(1000), "DB_PASSWORD", SECRET)), new Stop()));
            assertEquals(1, run.status());
            assertTrue(run.errorLines("consumer-data-lake").get(0).contains("wrong user (DB_USER) or password"), run.err());
            assertNoSecretNorTrace(run);
        }
    }

    @Test
    void missingGeoIpDatabase() throws Exception {
        CapturedRun run = CapturedRun.of(() -> DataCleanConsumer.run(new String[0],
                env(Map.of("GEOIP_DATABASE", "/no/GeoLite2-City.mmdb")), new Stop()));
        assertOneLine(run, 1, "consumer-data-clean",
                "GEOIP_DATABASE (--geoip-database): /no/GeoLite2-City.mmdb does not exist or is not readable");
    }

    @Test
    void corruptGeoIpDatabase() throws Exception {
        Path corrupt = dir.resolve("GeoLite2-City.mmdb");
        byte[] noise = new byte[50_000];
        new Random(7).nextBytes(noise);
        Files.write(corrupt, noise);
        CapturedRun run = CapturedRun.of(() -> DataCleanConsumer.run(new String[] {"--geoip-database", corrupt.toString()},
                env(Map.of()), new Stop()));
        assertEquals(1, run.status());
        assertTrue(run.errorLines("consumer-data-clean").get(0).startsWith("consumer-data-clean: GEOIP_DATABASE "
                + "(--geoip-database): " + corrupt + " is not a MaxMind database"), run.err());
        assertNoSecretNorTrace(run);
    }

    @Test
    void portThatIsNotANumber() throws Exception {
        CapturedRun run = CapturedRun.of(() -> DataLakeConsumer.run(new String[0], env(Map.of("METRICS_PORT", "90a0")), new Stop()));
        assertOneLine(run, 2, "consumer-data-lake", "METRICS_PORT (--metrics-port): invalid value: '90a0' is not a whole number");
    }

    @Test
    void uriThatIsNotAUri() throws Exception {
        CapturedRun run = CapturedRun.of(() -> LogsProducer.run(new String[] {"--rabbitmq-uri", "amqp://guest:" + SECRET
                + "@bad host/"}, env(Map.of()), new Stop()));
        assertEquals(2, run.status());
        assertTrue(run.errorLines("logs-producer").get(0).startsWith(
                "logs-producer: RABBITMQ_URI (--rabbitmq-uri): invalid value: 'amqp://guest:*****@bad host/' is not a URI"),
                run.err());
        assertNoSecretNorTrace(run);

        CapturedRun http = CapturedRun.of(() -> LogsProducer.run(new String[0], env(Map.of("RABBITMQ_URI", "http://rabbit/")), new Stop()));
        assertOneLine(http, 2, "logs-producer",
                "RABBITMQ_URI (--rabbitmq-uri): invalid value: 'http://rabbit/' is not an amqp:// or amqps:// URI with a host");
    }

    @Test
    void verboseShowsTheTraceButStillNoPassword() throws Exception {
        CapturedRun run = CapturedRun.of(() -> LogsProducer.run(new String[] {"--log-file", sample(), "--verbose"},
                env(Map.of("RABBITMQ_URI", "amqp://guest:" + SECRET + "@127.0.0.1:1/%2F", "STARTUP_TIMEOUT", "0")), new Stop()));
        assertEquals(1, run.status());
        assertTrue(run.err().contains("\tat "), "a stack trace with --verbose:\n" + run.err());
        assertFalse(run.err().contains(SECRET), run.err());
        assertFalse(run.out().contains(SECRET), run.out());
    }

    private static void assertOneLine(CapturedRun run, int status, String program, String message) {
        assertEquals(status, run.status(), run.err());
        List<String> errors = run.errorLines(program);
        assertEquals(List.of(program + ": " + message), errors, run.err());
        assertNoSecretNorTrace(run);
    }

    private static void assertNoSecretNorTrace(CapturedRun run) {
        assertFalse(run.err().contains(SECRET) || run.out().contains(SECRET), "no password in:\n" + run.err());
        assertFalse(run.err().contains("\tat ") || run.err().contains("Exception"), "no stack trace in:\n" + run.err());
    }

    /** Settings that work, with {@code overrides}; the state folder is the test's own. */
    private Map<String, String> env(Map<String, String> overrides) {
        Map<String, String> env = new HashMap<>();
        env.put("STATE_DIR", dir.resolve("state").toString());
        env.put("STARTUP_TIMEOUT", "5");
        env.putAll(overrides);
        return env;
    }

    private String sample() throws Exception {
        Path log = dir.resolve("access.log");
        Files.writeString(log, "10.0.0.1 - - [01/Mar/2023:00:00:09 -0500] \"GET / HTTP/1.1\" 200 1 -\n");
        return log.toString();
    }
}
