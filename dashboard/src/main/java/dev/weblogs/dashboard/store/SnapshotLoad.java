package dev.weblogs.dashboard.store;

import dev.weblogs.dashboard.model.LogModel;
import dev.weblogs.dashboard.model.LogRow;
import dev.weblogs.lifecycle.Stop;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Arrays;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Loads the whole of {@code clean-log} into the model from one consistent snapshot, so that everything committed
 * later either has a {@code seq} above the snapshot's or fills one of its gaps, and every later update is in
 * {@code clean-log-changes} above the snapshot's last change. Pages in primary-key order read the table
 * sequentially, however little of it the database's buffer pool holds.
 */
final class SnapshotLoad {

    private static final Logger log = LoggerFactory.getLogger(SnapshotLoad.class);
    private static final int PAGE = 20_000;

    private SnapshotLoad() {
    }

    static FollowState run(Connection connection, LogModel model, LoadProgress progress, long gapPatience, Stop stop)
            throws SQLException {
        long started = System.currentTimeMillis();
        connection.setTransactionIsolation(Connection.TRANSACTION_REPEATABLE_READ);
        connection.setAutoCommit(false);
        try (Statement statement = connection.createStatement()) {
            statement.execute("START TRANSACTION WITH CONSISTENT SNAPSHOT");
            long[] changes = changeSeqs(connection);
            int expected = count(statement);
            model.reset(expected);
            progress.start(expected);
            LongList seqs = new LongList();
            String after = "";
            List<LogRow> page;
            do {
                stop.check("loading clean-log");
                page = CleanLogReader.pageAfterId(connection, after, PAGE);
                model.apply(page, List.of());
                page.forEach(row -> seqs.add(row.seq()));
                progress.loaded(page.size());
                after = page.isEmpty() ? after : page.get(page.size() - 1).id();
            } while (page.size() == PAGE);
            connection.commit();
            long[] sorted = seqs.toArray();
            Arrays.parallelSort(sorted);
            FollowState state = new FollowState(sorted.length == 0 ? 0 : sorted[sorted.length - 1],
                    FollowState.gapsOf(sorted, gapPatience, started), changes.length == 0 ? 0 : changes[changes.length - 1],
                    FollowState.gapsOf(changes, gapPatience, started));
            log.info("loaded {} rows of clean-log in {} s", sorted.length,
                    (System.currentTimeMillis() - started) / 1000.0);
            return state;
        } finally {
            connection.rollback();
            connection.setAutoCommit(true);
        }
    }

    /** The changes' {@code seq} values; none when the writers have not created the table yet. */
    private static long[] changeSeqs(Connection connection) throws SQLException {
        try {
            return ChangeReader.allSeqs(connection);
        } catch (SQLException e) {
            if (e.getErrorCode() == DatabaseErrors.NO_SUCH_TABLE) {
                return new long[0];
            }
            throw e;
        }
    }

    private static int count(Statement statement) throws SQLException {
        try (ResultSet result = statement.executeQuery("SELECT COUNT(*) FROM `clean-log`")) {
            result.next();
            return (int) Math.min(Integer.MAX_VALUE - 8, result.getLong(1));
        }
    }
}
