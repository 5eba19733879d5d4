package dev.weblogs.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;
import picocli.CommandLine.Option;

/** The order settings are taken in: option, environment variable, .env in the working directory, default. */
class EnvironmentDefaultsTest {

    static final class Settings {
        @Option(names = "--batch-size", defaultValue = "1000")
        int batchSize;

        @Option(names = "--db-password", defaultValue = "")
        String dbPassword;

        @Option(names = "--metrics-port")
        Integer metricsPort;
    }

    @TempDir
    Path dir;

    private Settings parse(Map<String, String> env, String... args) {
        Settings settings = new Settings();
        new CommandLine(settings).setDefaultValueProvider(new EnvironmentDefaults(env, dir)).parseArgs(args);
        return settings;
    }

    @Test
    void optionWinsOverEnvironmentWhichWinsOverDotEnvWhichWinsOverDefault() throws Exception {
        Files.writeString(dir.resolve(".env"), "# a comment\nBATCH_SIZE=300\nDB_PASSWORD=from-dotenv\n");
        assertEquals(100, parse(Map.of("BATCH_SIZE", "200"), "--batch-size", "100").batchSize);
        assertEquals(200, parse(Map.of("BATCH_SIZE", "200")).batchSize);
        assertEquals(300, parse(Map.of()).batchSize);
        assertEquals("from-dotenv", parse(Map.of()).dbPassword);
        Files.delete(dir.resolve(".env"));
        assertEquals(1000, parse(Map.of()).batchSize);
        assertEquals("", parse(Map.of()).dbPassword);
    }

    @Test
    void anEmptyValueUnsetsANumberButIsAnEmptyPassword() {
        Settings settings = parse(Map.of("METRICS_PORT", "", "BATCH_SIZE", "", "DB_PASSWORD", ""));
        assertNull(settings.metricsPort);
        assertEquals(1000, settings.batchSize);
        assertEquals("", settings.dbPassword);
    }

    @Test
    void theVariableOfAnOptionIsItsNameInCapitals() {
        CommandLine.Model.OptionSpec option = new CommandLine(new Settings()).getCommandSpec().findOption("--db-password");
        assertEquals("DB_PASSWORD", EnvironmentDefaults.variableName(option));
    }

    @Test
    void aDotEnvThatCannotBeReadIsNamed() throws Exception {
        Files.writeString(dir.resolve(".env"), "BATCH_SIZE=5\nthis line is no setting\n");
        SettingException e = assertThrows(SettingException.class, () -> new EnvironmentDefaults(Map.of(), dir));
        assertTrue(e.describe().startsWith(".env: cannot be read"), e.describe());
    }
}
