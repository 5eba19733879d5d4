package dev.weblogs.bench;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.format.DateTimeFormatter;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * A database of the bench's own, where the consumers create their tables; dropped when closed. It tells how
 * far a table is filled without costing the server a scan: see {@link #storedLines}.
 */
final class ScratchDatabase implements AutoCloseable {

    /** MySQL and MariaDB: "Table doesn't exist", before a consumer has created it. */
    private static final int NO_SUCH_TABLE = 1146;
    private static final String BASE = InputGenerator.BASE.format(DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss"));

    private final DatabaseServer server;
    private final String name;
    private final String url;
    private final Cleanup cleanup;
    private final AtomicBoolean closed = new AtomicBoolean();
    private Connection probe;

    ScratchDatabase(DatabaseServer server, String name, String url, Cleanup cleanup) {
        this.server = server;
        this.name = name;
        this.url = url;
        this.cleanup = cleanup;
    }

    /** The JDBC URL of this database, as DB_URL takes it. */
    String url() {
        return url;
    }

    String user() {
        return server.user();
    }

    String password() {
        return server.password();
    }

    /**
     * How many of lines 0, 1, 2... {@code table} holds, for lines of {@link InputGenerator} stored in order:
     * one more than the line of the latest timestamp, which the index on {@code timestamp} finds in O(log n).
     * Consumers commit whole batches in delivery order, so when line k is stored, so are all before it.
     */
    synchronized long storedLines(String table) throws SQLException {
        return queryLong("SELECT TIMESTAMPDIFF(SECOND, '" + BASE + "', MAX(`timestamp`)) + 1 FROM `" + table + "`");
    }

    /** The exact row count, a scan: for checking at the end of a measurement, not while timing it. */
    synchronized long count(String table) throws SQLException {
        return queryLong("SELECT COUNT(*) FROM `" + table + "`");
    }

    /** Checks that {@code table} has a row for each distinct line of {@code input} and counts each of its lines. */
    void checkHolds(String table, InputGenerator.InputFile input) throws SQLException {
        checkHolds(table, input.lines(), input.requests());
    }

    /**
     * Checks that {@code table} has {@code lines} rows whose occurrences add up to {@code requests}: none lost,
     * none stored or counted twice (two scans).
     */
    void checkHolds(String table, long lines, long requests) throws SQLException {
        long rows = count(table);
        if (rows != lines) {
            throw new IllegalStateException(table + " has " + rows + " rows for " + lines + " distinct lines");
        }
        long counted = queryLong("SELECT SUM(occurrences) FROM `" + table + "`");
        if (counted != requests) {
            throw new IllegalStateException(table + " counts " + counted + " occurrences for " + requests + " lines");
        }
    }

    /** Empties {@code table}, between a warm-up and the measured run. */
    synchronized void truncate(String table) throws SQLException {
        if (probe == null) {
            probe = server.connect(url);
        }
        try (Statement statement = probe.createStatement()) {
            statement.execute("TRUNCATE TABLE `" + table + "`");
        }
    }

    /** A single value, 0 for NULL or while the table does not exist. */
    private long queryLong(String sql) throws SQLException {
        if (probe == null) {
            probe = server.connect(url);
        }
        try (Statement statement = probe.createStatement(); ResultSet result = statement.executeQuery(sql)) {
            result.next();
            return result.getLong(1);
        } catch (SQLException e) {
            if (e.getErrorCode() == NO_SUCH_TABLE) {
                return 0;
            }
            throw e;
        }
    }

    @Override
    public void close() throws SQLException {
        if (closed.compareAndSet(false, true)) {
            cleanup.forget(this);
            try {
                synchronized (this) {
                    if (probe != null) {
                        probe.close();
                    }
                }
            } finally {
                server.drop(name);
            }
        }
    }

    @Override
    public String toString() {
        return "database " + name;
    }
}
