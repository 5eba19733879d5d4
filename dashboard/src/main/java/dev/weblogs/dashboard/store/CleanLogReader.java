package dev.weblogs.dashboard.store;

import dev.weblogs.dashboard.model.LogRow;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;

/** The reads of {@code clean-log}: in pages by id to load it, by {@code seq} to follow it, by id to re-read rows. */
final class CleanLogReader {

    /**
     * The columns the model keeps. The time comes as seconds since 1970, with no zone conversion on either side;
     * the URL only up to its query string, which the panels drop anyway and which can be hundreds of bytes.
     */
    private static final String SELECT = "SELECT `seq`, `id`, TIMESTAMPDIFF(SECOND, '1970-01-01 00:00:00', `timestamp`),"
            + " `ip`, `country`, `city`, `user`, `email_domain`, `rest_method`, SUBSTRING_INDEX(`url`, '?', 1), `host`,"
            + " `rest_version`, `status`, `status_verbose`, `size_bytes`, `referrer`, `user_agent`, `occurrences`"
            + " FROM `clean-log`";

    private CleanLogReader() {
    }

    /** Rows with an id after {@code afterId}, in id order: the table's own order, so a load reads it sequentially. */
    static List<LogRow> pageAfterId(Connection connection, String afterId, int limit) throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement(SELECT
                + " WHERE `id` > ? ORDER BY `id` LIMIT ?")) {
            statement.setString(1, afterId);
            statement.setInt(2, limit);
            return read(statement);
        }
    }

    /** Rows inserted after {@code seq}, in insertion order. */
    static List<LogRow> afterSeq(Connection connection, long seq, int limit) throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement(SELECT
                + " WHERE `seq` > ? ORDER BY `seq` LIMIT ?")) {
            statement.setLong(1, seq);
            statement.setInt(2, limit);
            return read(statement);
        }
    }

    /** Rows whose {@code seq} lies in one of {@code gaps}: late commits into the gaps the follower saw. */
    static List<LogRow> inGaps(Connection connection, List<SeqGaps.Gap> gaps) throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement(SELECT + " WHERE "
                + SeqGaps.condition(gaps.size()))) {
            SeqGaps.bind(statement, gaps);
            return read(statement);
        }
    }

    /** The current state of the rows with these ids; ids with no row are missing from the answer. */
    static List<LogRow> byIds(Connection connection, Collection<String> ids) throws SQLException {
        if (ids.isEmpty()) {
            return List.of();
        }
        try (PreparedStatement statement = connection.prepareStatement(SELECT + " WHERE `id` IN ("
                + "?,".repeat(ids.size() - 1) + "?)")) {
            int index = 1;
            for (String id : ids) {
                statement.setString(index++, id);
            }
            return read(statement);
        }
    }

    /** The highest {@code seq} in the table, 0 when it is empty: the end of its unique index. */
    static long maxSeq(Connection connection) throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement("SELECT COALESCE(MAX(`seq`), 0) FROM `clean-log`");
             ResultSet result = statement.executeQuery()) {
            result.next();
            return result.getLong(1);
        }
    }

    private static List<LogRow> read(PreparedStatement statement) throws SQLException {
        List<LogRow> rows = new ArrayList<>();
        try (ResultSet result = statement.executeQuery()) {
            while (result.next()) {
                rows.add(new LogRow(result.getLong(1), result.getString(2), result.getLong(3), result.getString(4),
                        result.getString(5), result.getString(6), result.getString(7), result.getString(8),
                        result.getString(9), result.getString(10), result.getString(11), result.getString(12),
                        result.getInt(13), result.getString(14), result.getLong(15), result.getString(16),
                        result.getString(17), result.getInt(18)));
            }
        }
        return rows;
    }
}
