package dev.weblogs.pipeline;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.assertNull;

import com.rabbitmq.client.Channel;
import com.rabbitmq.client.Connection;
import dev.weblogs.clean.DataCleanConsumer;
import dev.weblogs.lake.DataLakeConsumer;
import dev.weblogs.producer.LogsProducer;
import dev.weblogs.lifecycle.Stop;
import dev.weblogs.testing.Eventually;
import dev.weblogs.testing.RunningProgram;
import dev.weblogs.testing.TestDatabase;
import dev.weblogs.testing.TestServices;
import dev.weblogs.testing.TestVhost;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A file of lines through the three programs into a real broker and database: both tables checked row by
 * row against the contract, a line written twice stored once with two occurrences, a malformed line recorded
 * in clean-log-rejected and kept in raw-log, and a second run of the producer changing nothing.
 */
class PipelineIT {

    private static final String WORKED_EXAMPLE = "181.58.38.180 YWN6Z2YRMwbb1KF elizabeth.usugal@crypto.com "
            + "[01/Mar/2023:00:00:09 -0500] \"GET https://app.knovel.com:443/api/entitlements/get-license?post="
            + "{\"APIKEY\"%3A\"EE109DAC-756e-009d-1611-76371a443ed6\"} HTTP/1.1\" 200 1386 -";
    private static final String ANONYMOUS = "190.0.247.163 - - [01/Nov/2022:00:06:45 -0500] "
            + "\"GET https://dialnet.unirioja.es:443/js/procesarFacets.js HTTP/1.1\" 200 3153 -";
    private static final String LOGIN_RELATIVE_NO_SIZE = "204.199.126.194 FjAr4YZuuE87FXf pablor.martinez "
            + "[01/Nov/2022:00:00:00 -0500] \"POST /api/login HTTP/1.0\" 302 - -";
    private static final String IPV6_COMBINED = "2001:480::52 - alice [10/Oct/2023:13:55:36 +0200] "
            + "\"GET /index.html HTTP/2.0\" 404 153 \"https://example.org/\" \"Mozilla/5.0 (X11; Linux x86_64)\"";
    private static final String PRIVATE_COMMON_LEAP_DAY = "10.0.3.7 - - [29/Feb/2024:23:59:59 -0100] "
            + "\"HEAD * HTTP/1.1\" 499 0";
    private static final String NON_ASCII_CRLF = "191.95.148.242 1axxrU01EUnU24u José.Muñoz "
            + "[01/Mar/2023:10:15:00 +0530] \"GET https://www.scielo.br:443/búsqueda?q=niño HTTP/1.1\" 206 1024 -";
    private static final String MALFORMED = "this is not an access log line";

    @TempDir
    Path dir;

    @Test
    void everyLineLandsOnceInBothTablesWithItsOccurrencesAndTheMalformedOneIsRejected() throws Exception {
        Path log = dir.resolve("access.log");
        Files.writeString(log, WORKED_EXAMPLE + "\n" + ANONYMOUS + "\n" + LOGIN_RELATIVE_NO_SIZE + "\n\n"
                + IPV6_COMBINED + "\n" + PRIVATE_COMMON_LEAP_DAY + "\n" + NON_ASCII_CRLF + "\r\n" + WORKED_EXAMPLE
                + "\n" + MALFORMED + "\n", StandardCharsets.UTF_8);

        TestServices services = TestServices.get();
        try (TestVhost vhost = services.newVhost(); TestDatabase db = services.newDatabase()) {
            Map<String, String> env = Map.of(
                    "RABBITMQ_URI", vhost.uri().toString(),
                    "DB_URL", db.url(),
                    "DB_USER", db.user(),
                    "DB_PASSWORD", db.password(),
                    "STATE_DIR", dir.resolve("state").toString(),
                    "STARTUP_TIMEOUT", "10");
            RunningProgram lake = RunningProgram.start("lake", stop -> DataLakeConsumer.run(new String[0], env, stop));
            RunningProgram clean = RunningProgram.start("clean", stop -> DataCleanConsumer.run(new String[0], env, stop));

            assertEquals(0, LogsProducer.run(new String[] {"--log-file", log.toString()}, env, new Stop()));

            long raw = Eventually.poll(Duration.ofSeconds(60), () -> db.count("SELECT COUNT(*) FROM `raw-log`"),
                    n -> n >= 7);
            long cleaned = Eventually.poll(Duration.ofSeconds(30),
                    () -> db.count("SELECT COUNT(*) FROM `clean-log`"), n -> n >= 6);
            assertEquals(7, raw, "distinct lines in raw-log");
            assertEquals(6, cleaned, "distinct parsable lines in clean-log");
            assertEquals(expectedRawRows(), rows(db, "raw-log", RAW_COLUMNS));
            assertEquals(expectedCleanRows(), rows(db, "clean-log", CLEAN_COLUMNS));
            assertRejected(vhost, db);

            // The same file again, all of it: every row is already there, every occurrence counted.
            assertEquals(0, LogsProducer.run(new String[] {"--log-file", log.toString(), "--from-start"}, env, new Stop()));
            Thread.sleep(2_000);
            assertEquals(expectedRawRows(), rows(db, "raw-log", RAW_COLUMNS));
            assertEquals(expectedCleanRows(), rows(db, "clean-log", CLEAN_COLUMNS));
            assertRejected(vhost, db);

            assertEquals(0, lake.stop(Duration.ofSeconds(30)), "consumer-data-lake exit status");
            assertEquals(0, clean.stop(Duration.ofSeconds(30)), "consumer-data-clean exit status");
        }
    }

    /** The malformed line is recorded in clean-log-rejected, once, and no dead-letter queue holds anything. */
    private static void assertRejected(TestVhost vhost, TestDatabase db) throws Exception {
        assertEquals(List.of(List.of(md5(MALFORMED), "client address 'this' is not an IPv4 or IPv6 address", "1")),
                rows(db, "clean-log-rejected", "id, reason, occurrences"));
        assertEquals(1, db.count("SELECT COUNT(*) FROM `clean-log-rejected` WHERE rejected_at > NOW() - INTERVAL 1 DAY"));
        try (Connection connection = vhost.connect(); Channel channel = connection.createChannel()) {
            assertNull(channel.basicGet("queue-data-lake-dead-letter", true), "the lake takes every line");
        }
        try (Connection connection = vhost.connect()) {
            // The broker closes the channel of a failed passive declaration.
            Channel channel = connection.createChannel();
            IOException missing = assertThrows(IOException.class, () -> channel.queueDeclarePassive(
                    "queue-data-clean-dead-letter"));
            assertTrue(String.valueOf(missing.getCause()).contains("NOT_FOUND"), "the clean side has no dead-letter queue");
        }
    }

    private static List<List<String>> expectedRawRows() throws Exception {
        List<List<String>> rows = new ArrayList<>(List.of(
                List.of(md5(WORKED_EXAMPLE), "2023-03-01 00:00:09", "-05:00", WORKED_EXAMPLE, "2"),
                List.of(md5(ANONYMOUS), "2022-11-01 00:06:45", "-05:00", ANONYMOUS, "1"),
                List.of(md5(LOGIN_RELATIVE_NO_SIZE), "2022-11-01 00:00:00", "-05:00", LOGIN_RELATIVE_NO_SIZE, "1"),
                List.of(md5(IPV6_COMBINED), "2023-10-10 13:55:36", "+02:00", IPV6_COMBINED, "1"),
                List.of(md5(PRIVATE_COMMON_LEAP_DAY), "2024-02-29 23:59:59", "-01:00", PRIVATE_COMMON_LEAP_DAY, "1"),
                List.of(md5(NON_ASCII_CRLF), "2023-03-01 10:15:00", "+05:30", NON_ASCII_CRLF, "1"),
                row(md5(MALFORMED), null, null, MALFORMED, "1")));
        rows.sort((a, b) -> a.get(0).compareTo(b.get(0)));
        return rows;
    }

    /** Columns in the contract's order: id, timestamp ... size_mega_bytes. */
    private static List<List<String>> expectedCleanRows() throws Exception {
        List<List<String>> rows = new ArrayList<>(List.of(
                row(md5(WORKED_EXAMPLE), "2023-03-01 05:00:09", "2023", "3", "1", "Wednesday", "05:00:09",
                        "181.58.38.180", "Colombia", "Medellín", "YWN6Z2YRMwbb1KF", "elizabeth.usugal@crypto.com",
                        "1", "@crypto.com", "GET",
                        "https://app.knovel.com:443/api/entitlements/get-license?post="
                                + "{\"APIKEY\"%3A\"EE109DAC-756e-009d-1611-76371a443ed6\"}",
                        "https", "app.knovel.com", "HTTP/1.1", "200", "OK", "1386", "1.386", "0.001386", null, null,
                        "2"),
                row(md5(ANONYMOUS), "2022-11-01 05:06:45", "2022", "11", "1", "Tuesday", "05:06:45",
                        "190.0.247.163", "Colombia", "Marinilla", null, null, "0", null, "GET",
                        "https://dialnet.unirioja.es:443/js/procesarFacets.js", "https", "dialnet.unirioja.es",
                        "HTTP/1.1", "200", "OK", "3153", "3.153", "0.003153", null, null, "1"),
                row(md5(LOGIN_RELATIVE_NO_SIZE), "2022-11-01 05:00:00", "2022", "11", "1", "Tuesday", "05:00:00",
                        "204.199.126.194", "United States", null, "FjAr4YZuuE87FXf", "pablor.martinez", "0", null,
                        "POST", "/api/login", null, null, "HTTP/1.0", "302", "Found", "0", "0.000", "0.000000", null, null,
                        "1"),
                row(md5(IPV6_COMBINED), "2023-10-10 11:55:36", "2023", "10", "10", "Tuesday", "11:55:36",
                        "2001:480::52", "United States", null, null, "alice", "0", null, "GET", "/index.html",
                        null, null, "HTTP/2.0", "404", "Not Found", "153", "0.153", "0.000153",
                        "https://example.org/", "Mozilla/5.0 (X11; Linux x86_64)", "1"),
                row(md5(PRIVATE_COMMON_LEAP_DAY), "2024-03-01 00:59:59", "2024", "3", "1", "Friday", "00:59:59",
                        "10.0.3.7", null, null, null, null, "0", null, "HEAD", "*", null, null, "HTTP/1.1", "499",
                        null, "0", "0.000", "0.000000", null, null, "1"),
                row(md5(NON_ASCII_CRLF), "2023-03-01 04:45:00", "2023", "3", "1", "Wednesday", "04:45:00",
                        "191.95.148.242", "Colombia", "Medellín", "1axxrU01EUnU24u", "José.Muñoz", "0", null, "GET",
                        "https://www.scielo.br:443/búsqueda?q=niño", "https", "www.scielo.br", "HTTP/1.1", "206",
                        "Partial Content", "1024", "1.024", "0.001024", null, null, "1")));
        rows.sort((a, b) -> a.get(0).compareTo(b.get(0)));
        return rows;
    }

    private static List<String> row(String... values) {
        return java.util.Arrays.asList(values);
    }

    /** The columns of the contract, and {@code timestamp_offset}, in the contract's order. */
    private static final String RAW_COLUMNS = "id, `timestamp`, timestamp_offset, log, occurrences";
    private static final String CLEAN_COLUMNS = "id, `timestamp`, year, month, day, day_of_week, `time`, ip, country, "
            + "city, session, user, is_email, email_domain, rest_method, url, `schema`, host, rest_version, status, "
            + "status_verbose, size_bytes, size_kilo_bytes, size_mega_bytes, referrer, user_agent, occurrences";

    /** The {@code columns} of every row of {@code table}, ordered by id, as the database renders them. */
    private static List<List<String>> rows(TestDatabase db, String table, String columns) throws Exception {
        List<List<String>> rows = new ArrayList<>();
        try (java.sql.Connection connection = db.connect(); Statement statement = connection.createStatement();
             ResultSet result = statement.executeQuery("SELECT " + columns + " FROM `" + table + "` ORDER BY id")) {
            ResultSetMetaData meta = result.getMetaData();
            while (result.next()) {
                List<String> values = new ArrayList<>();
                for (int i = 1; i <= meta.getColumnCount(); i++) {
                    String value = result.getString(i);
                    values.add(meta.getColumnType(i) == java.sql.Types.BIT || meta.getColumnType(i) == java.sql.Types.BOOLEAN
                            ? (value == null ? null : result.getBoolean(i) ? "1" : "0") : value);
                }
                rows.add(values);
            }
        }
        return rows;
    }

    private static String md5(String line) throws Exception {
        return HexFormat.of().formatHex(MessageDigest.getInstance("MD5").digest(line.getBytes(StandardCharsets.UTF_8)));
    }
}
