package dev.weblogs.dashboard.bench;

import dev.weblogs.dashboard.support.Row;
import dev.weblogs.dashboard.support.Tables;
import dev.weblogs.dashboard.support.TrafficGenerator;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.time.LocalDateTime;
import java.time.ZoneOffset;

/** New rows arriving all the while, as from the clean consumer: a small batch every 200 ms. */
final class LiveWriter implements AutoCloseable {

    static final int ROWS_PER_SECOND = 50;
    private static final int BATCHES_PER_SECOND = 5;

    private final Thread thread;
    private volatile boolean running = true;

    private LiveWriter(String url, String user, String password, long firstId) {
        thread = new Thread(() -> write(url, user, password, firstId), "live-writer");
        thread.setDaemon(true);
    }

    static LiveWriter start(String url, String user, String password, long rowsSoFar) {
        // Above the filled rows' ids, and above those of any earlier run's writer.
        LiveWriter writer = new LiveWriter(url, user, password, Math.max(rowsSoFar, System.currentTimeMillis() * 1000));
        writer.thread.start();
        return writer;
    }

    private void write(String url, String user, String password, long firstId) {
        TrafficGenerator generator = new TrafficGenerator(System.nanoTime(), 200_000);
        String insert = Tables.INSERT.replace(" ON DUPLICATE KEY UPDATE `id` = `id`", "");
        long id = firstId;
        try (Connection connection = DriverManager.getConnection(url + "?rewriteBatchedStatements=true", user, password)) {
            while (running) {
                long next = System.nanoTime() + 1_000_000_000L / BATCHES_PER_SECOND;
                try (PreparedStatement statement = connection.prepareStatement(insert)) {
                    for (int i = 0; i < ROWS_PER_SECOND / BATCHES_PER_SECOND; i++) {
                        Row row = generator.row(LocalDateTime.now(ZoneOffset.UTC).withNano(0));
                        Tables.bind(statement, row);
                        statement.setString(1, String.format("%032x", id++));
                        statement.addBatch();
                    }
                    statement.executeBatch();
                }
                Thread.sleep(Math.max(0, (next - System.nanoTime()) / 1_000_000));
            }
        } catch (Exception e) {
            System.err.println("live writer stopped: " + e);
        }
    }

    @Override
    public void close() {
        running = false;
        try {
            thread.join(5000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
