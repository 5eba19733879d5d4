package dev.weblogs.dashboard.bench;

import dev.weblogs.dashboard.support.Row;
import dev.weblogs.dashboard.support.Tables;
import dev.weblogs.dashboard.support.TrafficGenerator;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;

/**
 * Fills a scratch database with generated clean-log rows over the last 30 days, as fast as the server takes
 * them: 1000-row INSERT statements (the driver rewrites each batch into one), no raw-log, so the drill-down
 * finds no raw lines in it.
 *
 * <p>{@code FillDatabase <jdbc-url> <user> <password> <rows>}; the database is created, and must be new.
 */
public final class FillDatabase {

    private static final int BATCH = 1000;

    private FillDatabase() {
    }

    public static void main(String[] args) throws Exception {
        fill(args[0], args[1], args[2], Integer.parseInt(args[3]));
    }

    /** @return rows per second inserted */
    public static double fill(String url, String user, String password, int rows) throws Exception {
        String fast = url + (url.contains("?") ? "&" : "?") + "rewriteBatchedStatements=true&createDatabaseIfNotExist=true";
        try (Connection connection = DriverManager.getConnection(fast, user, password)) {
            Tables.create(connection);
            LocalDateTime now = LocalDateTime.now(ZoneOffset.UTC).withNano(0);
            // Rows are made on another thread, so that the database, not the generator, sets the pace.
            BlockingQueue<List<Row>> batches = new ArrayBlockingQueue<>(8);
            Thread generator = new Thread(() -> generate(batches, rows, now), "generator");
            generator.setDaemon(true);
            generator.start();
            long started = System.nanoTime();
            connection.setAutoCommit(false);
            String insert = Tables.INSERT.replace(" ON DUPLICATE KEY UPDATE `id` = `id`", "");
            long inserted = 0;
            for (int done = 0; done < rows; ) {
                List<Row> batch = batches.take();
                try (PreparedStatement statement = connection.prepareStatement(insert)) {
                    for (Row row : batch) {
                        Tables.bind(statement, row);
                        // Ascending ids instead of the lines' MD5: each insert appends to the primary key rather
                        // than landing on a random page of it, so a small buffer pool does not set the pace.
                        // Nothing the dashboard computes depends on the id's value.
                        statement.setString(1, String.format("%032x", ++inserted));
                        statement.addBatch();
                    }
                    statement.executeBatch();
                }
                connection.commit();
                if ((done / 500_000) != ((done + batch.size()) / 500_000)) {
                    System.err.printf("  %,d rows%n", done + batch.size());
                }
                done += batch.size();
            }
            double seconds = (System.nanoTime() - started) / 1e9;
            System.err.printf("inserted %,d rows in %.0f s (%,.0f rows/s)%n", rows, seconds, rows / seconds);
            return rows / seconds;
        }
    }

    /** Rows over the last 30 days, in time order, in batches. */
    private static void generate(BlockingQueue<List<Row>> batches, int rows, LocalDateTime now) {
        TrafficGenerator generator = new TrafficGenerator(42, Math.max(1000, rows / 25));
        long span = 30L * 86_400;
        try {
            for (int done = 0; done < rows; done += BATCH) {
                int count = Math.min(BATCH, rows - done);
                LocalDateTime from = now.minusSeconds(span - span * done / rows);
                LocalDateTime to = now.minusSeconds(span - span * (done + count) / rows);
                batches.put(generator.rows(count, from, to));
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
