package dev.weblogs.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.weblogs.config.DatabaseSettings;
import dev.weblogs.failure.ConfigurationException;
import dev.weblogs.failure.Setting;
import dev.weblogs.lifecycle.Stop;
import dev.weblogs.row.CleanRow;
import dev.weblogs.row.RawRow;
import dev.weblogs.sink.KeyedRow;
import dev.weblogs.sink.StoreException;
import dev.weblogs.sink.StoreResult;
import dev.weblogs.testing.TestDatabase;
import dev.weblogs.testing.TestServices;
import dev.weblogs.transform.CleanLogMapper;
import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The store against a real database: every value lands in the column of its name (whatever order Hibernate
 * binds in), a row stored twice is one row, and each kind of SQL failure is classified as it happens.
 */
class TableStoreIT {

    private static final RawRow RAW = new RawRow("0123456789abcdef0123456789abcdef", LocalDateTime.of(2023, 3, 1, 0, 0, 9),
            "-05:00", "the line");
    static final CleanRow CLEAN = new CleanRow("fedcba9876543210fedcba9876543210",
            LocalDateTime.of(2023, 3, 1, 5, 0, 9), 2023, 3, 1, "Wednesday", LocalTime.of(5, 0, 9), "181.58.38.180",
            "Colombia", "Medellín", "SESSION", "user@crypto.com", true, "@crypto.com", "GET", "/url?q=1", "https",
            "app.knovel.com", "HTTP/1.1", 200, "OK", 1386, new BigDecimal("1.386"), new BigDecimal("0.001386"),
            "https://referrer.example/", "Mozilla/5.0 (agent)");

    private static final Destination<RawRow> RAW_LOG = new Destination<>("raw-log", RawLog::of, RawRow::id,
            "raw-log-repeats", null);

    private TestDatabase db;

    @BeforeEach
    void database() {
        db = TestServices.get().newDatabase();
    }

    @AfterEach
    void drop() {
        db.close();
    }

    @Test
    void everyRawLogValueIsInTheColumnOfItsName() throws Exception {
        try (Database database = connect(db.url(), RawLog.class)) {
            store(database, RAW_LOG, RAW);
        }
        assertEquals(Map.of("id", RAW.id(), "timestamp", "2023-03-01 00:00:09", "timestamp_offset", "-05:00",
                "log", "the line", "occurrences", "1"), row("raw-log", "id, `timestamp`, timestamp_offset, log, occurrences"));
    }

    @Test
    void everyCleanLogValueIsInTheColumnOfItsName() throws Exception {
        try (Database database = connect(db.url(), CleanLog.class)) {
            store(database, CleanTables.rows(), CLEAN);
        }
        Map<String, String> expected = new LinkedHashMap<>();
        expected.put("id", CLEAN.id());
        expected.put("timestamp", "2023-03-01 05:00:09");
        expected.put("year", "2023");
        expected.put("month", "3");
        expected.put("day", "1");
        expected.put("day_of_week", "Wednesday");
        expected.put("time", "05:00:09");
        expected.put("ip", "181.58.38.180");
        expected.put("country", "Colombia");
        expected.put("city", "Medellín");
        expected.put("session", "SESSION");
        expected.put("user", "user@crypto.com");
        expected.put("is_email", "1");
        expected.put("email_domain", "@crypto.com");
        expected.put("rest_method", "GET");
        expected.put("url", "/url?q=1");
        expected.put("schema", "https");
        expected.put("host", "app.knovel.com");
        expected.put("rest_version", "HTTP/1.1");
        expected.put("status", "200");
        expected.put("status_verbose", "OK");
        expected.put("size_bytes", "1386");
        expected.put("size_kilo_bytes", "1.386");
        expected.put("size_mega_bytes", "0.001386");
        expected.put("referrer", "https://referrer.example/");
        expected.put("user_agent", "Mozilla/5.0 (agent)");
        expected.put("occurrences", "1");
        assertEquals(expected, row("clean-log", String.join(", ", expected.keySet().stream()
                .map(c -> "`" + c + "`").toList())));
    }

    @Test
    void theDerivedColumnsTheDatabaseComputesAreTheParsersValues() throws Exception {
        CleanLogMapper mapper = new CleanLogMapper(ip -> dev.weblogs.row.Location.UNKNOWN);
        List<CleanRow> rows = new java.util.ArrayList<>();
        java.util.Random random = new java.util.Random(7);
        for (int i = 0; i < 400; i++) {
            long size = i % 50 == 0 ? 0 : (long) Math.pow(10, random.nextInt(13)) + random.nextInt(1000);
            String user = switch (i % 4) {
                case 0 -> "user" + i + "@example.org";
                case 1 -> "-";
                case 2 -> "not an email @";
                default -> "name@localhost";
            };
            java.time.OffsetDateTime time = java.time.OffsetDateTime.of(2000 + random.nextInt(40),
                    1 + random.nextInt(12), 1 + random.nextInt(28), random.nextInt(24), random.nextInt(60),
                    random.nextInt(60), 0, java.time.ZoneOffset.ofHours(random.nextInt(27) - 12));
            String line = "10.0.0." + i % 250 + " S" + i + " " + user.replace(' ', '_') + " ["
                    + java.time.format.DateTimeFormatter.ofPattern("dd/MMM/yyyy:HH:mm:ss Z", java.util.Locale.ENGLISH)
                    .format(time) + "] \"GET /p/" + i + " HTTP/1.1\" 200 " + size + " -";
            rows.add(((dev.weblogs.transform.MappedLine.Row<CleanRow>) mapper.map(
                    line.getBytes(java.nio.charset.StandardCharsets.UTF_8))).row());
        }
        try (Database database = connect(db.url(), CleanLog.class)) {
            new TableStore<>(database, CleanTables.rows(), null).store(rows.stream()
                    .map(row -> new KeyedRow<>(row, null)).toList(), List.of());
        }
        for (CleanRow row : rows) {
            Map<String, String> expected = new LinkedHashMap<>();
            expected.put("year", Integer.toString(row.year()));
            expected.put("month", Integer.toString(row.month()));
            expected.put("day", Integer.toString(row.day()));
            expected.put("day_of_week", row.dayOfWeek());
            expected.put("time", row.time().toString().length() == 5 ? row.time() + ":00" : row.time().toString());
            expected.put("is_email", row.isEmail() ? "1" : "0");
            expected.put("size_kilo_bytes", row.sizeKiloBytes().toPlainString());
            expected.put("size_mega_bytes", row.sizeMegaBytes().toPlainString());
            assertEquals(expected, row("clean-log", "year, month, day, day_of_week, `time`, is_email, size_kilo_bytes,"
                    + " size_mega_bytes", "id = '" + row.id() + "'"), row.toString());
        }
    }

    @Test
    void aRowStoredAgainIsLeftAsItIsAndCountedAsADuplicateWhateverTheUrlAsksOfTheDriver() throws Exception {
        String url = db.url() + "?useAffectedRows=false&rewriteBatchedStatements=false";
        try (Database database = connect(url, RawLog.class)) {
            TableStore<RawRow> store = new TableStore<>(database, RAW_LOG, null);
            assertEquals(new StoreResult(1, 0, List.of()), store.store(List.of(new KeyedRow<>(RAW, "k1")), List.of()));
            RawRow changed = new RawRow(RAW.id(), null, null, "another text with the same id");
            RawRow other = new RawRow("11111111111111111111111111111111", null, null, "other");
            assertEquals(new StoreResult(1, 1, List.of()), store.store(List.of(new KeyedRow<>(changed, "k1"),
                    new KeyedRow<>(other, "k2")), List.of()));
        }
        assertEquals("the line", row("raw-log", "log").get("log"), "left as it was");
    }

    @Test
    void aTableOfTheFirstVersionGetsTheNewColumnsAndKeysAndKeepsItsRows() throws Exception {
        execute("CREATE TABLE `clean-log` (`id` CHAR(32) NOT NULL, `timestamp` DATETIME NOT NULL, `year` SMALLINT NOT NULL,"
                + " `month` TINYINT NOT NULL, `day` TINYINT NOT NULL, `day_of_week` VARCHAR(9) NOT NULL, `time` TIME NOT NULL,"
                + " `ip` VARCHAR(45) NOT NULL, `country` VARCHAR(255) NULL, `city` VARCHAR(255) NULL,"
                + " `session` VARCHAR(255) NULL, `user` VARCHAR(255) NULL, `is_email` BOOLEAN NOT NULL,"
                + " `email_domain` VARCHAR(255) NULL, `rest_method` VARCHAR(32) NOT NULL, `url` MEDIUMTEXT NOT NULL,"
                + " `schema` VARCHAR(32) NULL, `host` VARCHAR(255) NULL, `rest_version` VARCHAR(16) NOT NULL,"
                + " `status` SMALLINT NOT NULL, `status_verbose` VARCHAR(64) NULL, `size_bytes` BIGINT NOT NULL,"
                + " `size_kilo_bytes` DECIMAL(18,3) NOT NULL, `size_mega_bytes` DECIMAL(18,6) NOT NULL,"
                + " PRIMARY KEY (`id`), KEY `clean_log_timestamp` (`timestamp`)) DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_bin");
        execute("INSERT INTO `clean-log` VALUES ('" + "a".repeat(32) + "', '2023-03-01 05:00:09', 2023, 3, 1, 'Wednesday',"
                + " '05:00:09', '10.0.0.1', NULL, NULL, NULL, NULL, 0, NULL, 'GET', '/', NULL, NULL, 'HTTP/1.1', 200, 'OK',"
                + " 5, 0.005, 0.000005)");
        try (Database database = connect(db.url(), CleanLog.class)) {
            store(database, CleanTables.rows(), CLEAN);
        }
        assertEquals(Map.of("id", "a".repeat(32), "referrer", "null", "occurrences", "1", "seq", "1"),
                row("clean-log", "id, COALESCE(referrer, 'null') AS referrer, occurrences, seq",
                        "id LIKE 'aaaa%'"), "the old row");
        assertEquals("https://referrer.example/", row("clean-log", "referrer", "id = '" + CLEAN.id() + "'")
                .get("referrer"));
        assertEquals(1L, db.count("SELECT COUNT(*) FROM information_schema.statistics WHERE table_schema = '"
                + databaseName() + "' AND table_name = 'clean-log' AND index_name = 'clean_log_seq'"));
        assertEquals(Map.of("year", "2023", "day_of_week", "Wednesday", "time", "05:00:09", "is_email", "0",
                        "size_kilo_bytes", "0.005", "size_mega_bytes", "0.000005"),
                row("clean-log", "year, day_of_week, `time`, is_email, size_kilo_bytes, size_mega_bytes",
                        "id LIKE 'aaaa%'"), "the old row's derived values, now computed by the database");
        assertEquals(8L, db.count("SELECT COUNT(*) FROM information_schema.columns WHERE table_schema = '"
                + databaseName() + "' AND table_name = 'clean-log' AND extra LIKE '%GENERATED%'"));
    }

    @Test
    void aMissingTableIsFatal() throws Exception {
        try (Database database = connect(db.url(), RawLog.class)) {
            execute("DROP TABLE `raw-log`");
            StoreException e = assertThrows(StoreException.class, () -> store(database, RAW_LOG, RAW));
            assertEquals(StoreException.Kind.FATAL, e.kind());
            assertEquals("Table '" + databaseName() + ".raw-log' doesn't exist (error 1146)", e.getMessage());
        }
    }

    @Test
    void aTriggerThatRefusesTheRowIsARowRefusal() throws Exception {
        try (Database database = connect(db.url(), RawLog.class)) {
            execute("CREATE TRIGGER refuse BEFORE INSERT ON `raw-log` FOR EACH ROW "
                    + "SIGNAL SQLSTATE '45000' SET MESSAGE_TEXT = 'refused by policy'");
            StoreException e = assertThrows(StoreException.class, () -> store(database, RAW_LOG, RAW));
            assertEquals(StoreException.Kind.ROW_REFUSED, e.kind());
            assertEquals("refused by policy (error 1644)", e.getMessage());
        }
    }

    @Test
    void aGrantTakenAwayIsFatalAndNamesTheDatabaseUser() throws Exception {
        String user = "weblogs_test_" + Long.toHexString(System.nanoTime());
        execute("CREATE USER '" + user + "'@'%' IDENTIFIED BY 'pw'");
        try {
            connect(db.url(), RawLog.class).close();
            // Table grants, which take effect at once (a database grant only at the session's next USE).
            execute("GRANT CREATE ON `" + databaseName() + "`.* TO '" + user + "'@'%'");
            execute("GRANT SELECT, INSERT, UPDATE ON `" + databaseName() + "`.`raw-log` TO '" + user + "'@'%'");
            execute("GRANT SELECT, INSERT, UPDATE ON `" + databaseName() + "`.`raw-log-repeats` TO '" + user + "'@'%'");
            try (Database database = Database.connect(new DatabaseSettings(db.url(), user, "pw", 1),
                    List.of(RawLog.class), List.of("raw-log", "raw-log-repeats"), Duration.ZERO, new Stop())) {
                execute("REVOKE INSERT ON `" + databaseName() + "`.`raw-log` FROM '" + user + "'@'%'");
                StoreException e = assertThrows(StoreException.class, () -> store(database, RAW_LOG, RAW));
                assertEquals(StoreException.Kind.FATAL, e.kind());
                ConfigurationException cause = (ConfigurationException) e.getCause();
                assertEquals(Setting.DB_USER, cause.setting());
                assertNotNull(cause.getMessage());
            }
        } finally {
            execute("DROP USER '" + user + "'@'%'");
        }
    }

    @Test
    void aConnectionKilledUnderTheStoreIsUnavailabilityAndTheNextWriteGoesThrough() throws Exception {
        try (Database database = connect(db.url(), RawLog.class)) {
            TableStore<RawRow> store = new TableStore<>(database, RAW_LOG, null);
            store.store(List.of(new KeyedRow<>(RAW, null)), List.of());
            execute("SELECT 1");
            for (String id : processIds()) {
                execute("KILL " + id);
            }
            RawRow next = new RawRow("22222222222222222222222222222222", null, null, "after");
            StoreException e = assertThrows(StoreException.class, () -> store.store(List.of(new KeyedRow<>(next, null)),
                    List.of()));
            assertEquals(StoreException.Kind.UNAVAILABLE, e.kind(), e.getMessage());
            assertEquals(new StoreResult(1, 0, List.of()), store.store(List.of(new KeyedRow<>(next, null)), List.of()));
        }
    }

    private Database connect(String url, Class<?> entity) {
        String table = entity.getAnnotation(jakarta.persistence.Table.class).name();
        List<String> tables = table.equals("raw-log") ? List.of("raw-log", "raw-log-repeats") : CleanTables.ALL;
        List<Class<?>> entities = table.equals("raw-log") ? List.of(entity) : List.of(entity, RejectedLine.class);
        return Database.connect(new DatabaseSettings(url, db.user(), db.password(), 1), entities, tables,
                Duration.ZERO, new Stop());
    }

    private static <R> void store(Database database, Destination<R> destination, R row) {
        new TableStore<>(database, destination, null).store(List.of(new KeyedRow<>(row, null)), List.of());
    }

    private Map<String, String> row(String table, String columns) throws Exception {
        return row(table, columns, "TRUE");
    }

    private Map<String, String> row(String table, String columns, String where) throws Exception {
        try (Connection connection = db.connect(); Statement statement = connection.createStatement();
             ResultSet result = statement.executeQuery("SELECT " + columns + " FROM `" + table + "` WHERE " + where)) {
            result.next();
            Map<String, String> values = new LinkedHashMap<>();
            for (int i = 1; i <= result.getMetaData().getColumnCount(); i++) {
                values.put(result.getMetaData().getColumnLabel(i), result.getString(i));
            }
            return values;
        }
    }

    private List<String> processIds() throws Exception {
        try (Connection connection = db.connect(); Statement statement = connection.createStatement();
             ResultSet result = statement.executeQuery("SELECT id FROM information_schema.processlist WHERE db = '"
                     + databaseName() + "' AND id <> CONNECTION_ID()")) {
            List<String> ids = new java.util.ArrayList<>();
            while (result.next()) {
                ids.add(result.getString(1));
            }
            return ids;
        }
    }

    private String databaseName() {
        return db.url().substring(db.url().lastIndexOf('/') + 1);
    }

    private void execute(String sql) throws Exception {
        try (Connection connection = db.connect(); Statement statement = connection.createStatement()) {
            statement.execute(sql);
        }
    }
}
