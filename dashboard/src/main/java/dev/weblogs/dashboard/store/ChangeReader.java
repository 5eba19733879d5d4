package dev.weblogs.dashboard.store;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;

/** The reads of {@code clean-log-changes}: which rows were updated or deleted after their insert. */
final class ChangeReader {

    /** One row of {@code clean-log-changes}. */
    record Change(long seq, String id) {
    }

    private ChangeReader() {
    }

    static List<Change> after(Connection connection, long seq, int limit) throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement("SELECT `seq`, `id` FROM `clean-log-changes`"
                + " WHERE `seq` > ? ORDER BY `seq` LIMIT ?")) {
            statement.setLong(1, seq);
            statement.setInt(2, limit);
            return read(statement);
        }
    }

    static List<Change> inGaps(Connection connection, List<SeqGaps.Gap> gaps) throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement("SELECT `seq`, `id` FROM `clean-log-changes`"
                + " WHERE " + SeqGaps.condition(gaps.size()))) {
            SeqGaps.bind(statement, gaps);
            return read(statement);
        }
    }

    /** Every {@code seq} of the table, ascending: it holds an hour of changes at most. */
    static long[] allSeqs(Connection connection) throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement("SELECT `seq` FROM `clean-log-changes`"
                + " ORDER BY `seq`"); ResultSet result = statement.executeQuery()) {
            LongList seqs = new LongList();
            while (result.next()) {
                seqs.add(result.getLong(1));
            }
            return seqs.toArray();
        }
    }

    private static List<Change> read(PreparedStatement statement) throws SQLException {
        List<Change> changes = new ArrayList<>();
        try (ResultSet result = statement.executeQuery()) {
            while (result.next()) {
                changes.add(new Change(result.getLong(1), result.getString(2)));
            }
        }
        return changes;
    }
}
