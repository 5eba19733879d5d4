package dev.weblogs.dashboard.support;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;

/**
 * The pipeline's tables in a test database, from the writers' own DDL ({@code dev/weblogs/store/*.sql} of the
 * sink module), and writes that do to them what the writers do.
 */
public final class Tables {

    /** As the clean consumer writes a row: the derived columns are the database's to compute. */
    public static final String INSERT = "INSERT INTO `clean-log` (`id`, `timestamp`, `ip`, `country`, `city`,"
            + " `session`, `user`, `email_domain`, `rest_method`, `url`, `schema`, `host`, `rest_version`, `status`,"
            + " `status_verbose`, `size_bytes`, `referrer`, `user_agent`, `occurrences`)"
            + " VALUES (?, ?, ?, ?, ?, NULL, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)"
            + " ON DUPLICATE KEY UPDATE `id` = `id`";

    private Tables() {
    }

    public static void create(Connection connection) throws SQLException {
        try (Statement statement = connection.createStatement()) {
            for (String table : List.of("clean-log", "raw-log", "clean-log-rejected", "clean-log-changes")) {
                statement.execute(ddl(table));
            }
        }
    }

    private static String ddl(String table) {
        try (InputStream in = Tables.class.getResourceAsStream("/dev/weblogs/store/" + table + ".sql")) {
            if (in == null) {
                throw new IllegalStateException("no DDL of " + table + " on the class path (dev.weblogs:sink)");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Stores the rows and their raw lines in one transaction, as the two consumers would. */
    public static void insert(Connection connection, List<Row> rows) throws SQLException {
        connection.setAutoCommit(false);
        try {
            write(connection, rows);
            connection.commit();
        } finally {
            connection.setAutoCommit(true);
        }
    }

    /** The statements of {@link #insert}, in the caller's transaction, which it commits when it likes. */
    public static void write(Connection connection, List<Row> rows) throws SQLException {
        try (PreparedStatement clean = connection.prepareStatement(INSERT);
             PreparedStatement raw = connection.prepareStatement("INSERT INTO `raw-log` (`id`, `timestamp`,"
                     + " `timestamp_offset`, `log`, `occurrences`) VALUES (?, ?, '+00:00', ?, ?)"
                     + " ON DUPLICATE KEY UPDATE `id` = `id`")) {
            for (Row row : rows) {
                bind(clean, row);
                clean.addBatch();
                raw.setString(1, row.id());
                raw.setObject(2, row.time());
                raw.setString(3, row.rawLine());
                raw.setInt(4, row.occurrences());
                raw.addBatch();
            }
            clean.executeBatch();
            raw.executeBatch();
        }
    }

    public static void bind(PreparedStatement statement, Row row) throws SQLException {
        int i = 1;
        statement.setString(i++, row.id());
        statement.setObject(i++, row.time());
        statement.setString(i++, row.ip());
        statement.setString(i++, row.country());
        statement.setString(i++, row.city());
        statement.setString(i++, row.user());
        statement.setString(i++, row.emailDomain());
        statement.setString(i++, row.method());
        statement.setString(i++, row.url());
        statement.setString(i++, row.url().contains("://") ? row.url().substring(0, row.url().indexOf("://")) : null);
        statement.setString(i++, row.host());
        statement.setString(i++, row.version());
        statement.setInt(i++, row.status());
        statement.setString(i++, row.reason());
        statement.setLong(i++, row.size());
        statement.setString(i++, row.referrer());
        statement.setString(i++, row.userAgent());
        statement.setInt(i, row.occurrences());
    }

    /** The server wrote the line again: one more occurrence, and the change recorded in the same transaction. */
    public static void repeat(Connection connection, String id) throws SQLException {
        change(connection, id, "UPDATE `clean-log` SET `occurrences` = `occurrences` + 1 WHERE `id` = ?");
    }

    /** A rebuild that gives the row another country. */
    public static void relocate(Connection connection, String id, String country) throws SQLException {
        change(connection, id, "UPDATE `clean-log` SET `country` = '" + country.replace("'", "''") + "' WHERE `id` = ?");
    }

    /** A rebuild that moves the row to clean-log-rejected. */
    public static void reject(Connection connection, String id, String reason) throws SQLException {
        change(connection, id, "INSERT INTO `clean-log-rejected` (`id`, `reason`, `rejected_at`, `occurrences`)"
                + " SELECT `id`, '" + reason.replace("'", "''") + "', UTC_TIMESTAMP(), `occurrences` FROM `clean-log`"
                + " WHERE `id` = ?", "DELETE FROM `clean-log` WHERE `id` = ?");
    }

    /** Runs {@code sqls}, each with the id as its one parameter, and records the change, in one transaction. */
    private static void change(Connection connection, String id, String... sqls) throws SQLException {
        connection.setAutoCommit(false);
        try (PreparedStatement changes = connection.prepareStatement("INSERT INTO `clean-log-changes` (`id`) VALUES (?)")) {
            for (String sql : sqls) {
                try (PreparedStatement update = connection.prepareStatement(sql)) {
                    update.setString(1, id);
                    update.executeUpdate();
                }
            }
            changes.setString(1, id);
            changes.executeUpdate();
            connection.commit();
        } finally {
            connection.setAutoCommit(true);
        }
    }
}
