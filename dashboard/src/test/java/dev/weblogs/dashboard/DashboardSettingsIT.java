package dev.weblogs.dashboard;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.weblogs.dashboard.support.ReadOnlyUser;
import dev.weblogs.dashboard.support.Tables;
import dev.weblogs.testing.TestDatabase;
import dev.weblogs.testing.TestServices;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** The packaged program, as a user starts it wrongly: one line on standard error naming what to fix, exit 1. */
class DashboardSettingsIT {

    private record Outcome(int status, List<String> errors, String output) {
    }

    @Test
    void eachMistakeIsOneLineNamingItsSetting() throws Exception {
        try (TestDatabase database = TestServices.get().newDatabase(); Connection sql = database.connect()) {
            Tables.create(sql);
            Outcome password = run(Map.of("DB_URL", database.url(), "DB_USER", database.user(),
                    "DB_PASSWORD", "not-the-password-42"));
            assertOneLine(password, "DB_PASSWORD (--db-password): ");
            assertFalse(password.errors().get(0).contains("not-the-password-42"), "the password is never printed");

            String other = database.url().replaceFirst("/[^/]*$", "/no_such_database_here");
            assertOneLine(run(Map.of("DB_URL", other, "DB_USER", database.user(), "DB_PASSWORD", database.password())),
                    "DB_URL (--db-url): ");

            try (ReadOnlyUser partial = ReadOnlyUser.create(database, "clean-log", "clean-log-changes",
                    "clean-log-rejected")) {
                Outcome denied = run(Map.of("DB_URL", database.url(), "DB_USER", partial.name(), "DB_PASSWORD",
                        partial.password()));
                assertOneLine(denied, "DB_USER (--db-user): ");
                assertTrue(denied.errors().get(0).contains("raw-log"), denied.errors().get(0));
            }

            try (ServerSocket taken = new ServerSocket(0)) {
                assertOneLine(run(Map.of("DB_URL", database.url(), "DB_USER", database.user(), "DB_PASSWORD",
                        database.password(), "DASHBOARD_PORT", String.valueOf(taken.getLocalPort()))),
                        "DASHBOARD_PORT (--dashboard-port): ");
            }
        }
    }

    @Test
    void helpNamesEverySettingAndItsVariable() throws Exception {
        Outcome help = run(Map.of(), "--help");
        assertEquals(0, help.status());
        for (String variable : List.of("DB_URL", "DB_USER", "DB_PASSWORD", "DB_POOL_SIZE", "DASHBOARD_PORT",
                "DASHBOARD_HOST", "STARTUP_TIMEOUT", "METRICS_PORT")) {
            assertTrue(help.output().contains("env " + variable), variable + " in\n" + help.output());
        }
    }

    private static void assertOneLine(Outcome outcome, String prefix) {
        assertEquals(1, outcome.status(), String.join("\n", outcome.errors()));
        assertEquals(1, outcome.errors().size(), "one line: " + String.join("\n", outcome.errors()));
        assertTrue(outcome.errors().get(0).startsWith("dashboard: " + prefix), outcome.errors().get(0));
    }

    private static Outcome run(Map<String, String> env, String... args) throws Exception {
        List<String> command = new java.util.ArrayList<>(List.of(java.nio.file.Path.of(System.getProperty("java.home"),
                "bin", "java").toString(), "-jar", "target/dashboard.jar", "--startup-timeout", "0"));
        command.addAll(List.of(args));
        ProcessBuilder builder = new ProcessBuilder(command);
        builder.environment().keySet().removeIf(name -> name.startsWith("DB_") || name.startsWith("DASHBOARD_"));
        builder.environment().putAll(env);
        builder.environment().putIfAbsent("DASHBOARD_PORT", "0");
        Process process = builder.start();
        process.getOutputStream().close();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        String errors = new String(process.getErrorStream().readAllBytes(), StandardCharsets.UTF_8);
        if (!process.waitFor(60, TimeUnit.SECONDS)) {
            process.destroyForcibly();
            throw new AssertionError("still running: " + command);
        }
        return new Outcome(process.exitValue(), errors.lines().filter(line -> !line.isBlank()).toList(), output);
    }
}
