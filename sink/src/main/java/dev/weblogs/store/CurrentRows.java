package dev.weblogs.store;

import dev.weblogs.row.CleanRow;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The rows a page of a rebuild may change, as they are now, read with {@code FOR UPDATE}: locked until the
 * page commits, so a consumer writing the same lines meanwhile waits rather than being overwritten. Only rows
 * of the page's own ids are locked, never a neighbour: a range scan would also lock the row past its end, which
 * belongs to a page another writer has in hand ({@link WritersInOrder}). For a page of consecutive raw-log ids,
 * a range scan without locks first finds which of them the table holds (none, in a first build), and only those
 * are read and locked.
 */
final class CurrentRows {

    /** A clean-log row and how it counts its occurrences. */
    record Clean(CleanRow row, String occurrenceKey, int occurrences) {
    }

    /** A clean-log-rejected row. */
    record Rejected(String reason, String occurrenceKey, int occurrences) {
    }

    private static final String CLEAN_COLUMNS = "id, `timestamp`, year, month, day, day_of_week, `time`, ip, country,"
            + " city, session, user, is_email, email_domain, rest_method, url, `schema`, host, rest_version, status,"
            + " status_verbose, size_bytes, size_kilo_bytes, size_mega_bytes, referrer, user_agent, occurrence_key,"
            + " occurrences";

    private CurrentRows() {
    }

    /**
     * @param ids         the page's ids, in order
     * @param consecutive whether they are every raw-log id from the first to the last
     */
    static Map<String, Clean> clean(Connection connection, List<String> ids, boolean consecutive)
            throws SQLException {
        Map<String, Clean> rows = new HashMap<>();
        List<String> present = present(connection, "`clean-log`", ids, consecutive);
        if (present.isEmpty()) {
            return rows;
        }
        try (PreparedStatement query = locking(connection, "SELECT " + CLEAN_COLUMNS + " FROM `clean-log`", present);
             ResultSet r = query.executeQuery()) {
            while (r.next()) {
                CleanRow row = new CleanRow(r.getString(1), r.getObject(2, LocalDateTime.class), r.getInt(3),
                        r.getInt(4), r.getInt(5), r.getString(6), r.getObject(7, LocalTime.class), r.getString(8),
                        r.getString(9), r.getString(10), r.getString(11), r.getString(12), r.getBoolean(13),
                        r.getString(14), r.getString(15), r.getString(16), r.getString(17), r.getString(18),
                        r.getString(19), r.getInt(20), r.getString(21), r.getLong(22), r.getBigDecimal(23),
                        r.getBigDecimal(24), r.getString(25), r.getString(26));
                rows.put(row.id(), new Clean(row, r.getString(27), r.getInt(28)));
            }
        }
        return rows;
    }

    /** As {@link #clean}, for clean-log-rejected. */
    static Map<String, Rejected> rejected(Connection connection, List<String> ids, boolean consecutive)
            throws SQLException {
        Map<String, Rejected> rows = new HashMap<>();
        List<String> present = present(connection, "`clean-log-rejected`", ids, consecutive);
        if (present.isEmpty()) {
            return rows;
        }
        try (PreparedStatement query = locking(connection, "SELECT id, reason, occurrence_key, occurrences FROM "
                + "`clean-log-rejected`", present); ResultSet r = query.executeQuery()) {
            while (r.next()) {
                rows.put(r.getString(1), new Rejected(r.getString(2), r.getString(3), r.getInt(4)));
            }
        }
        return rows;
    }

    private static PreparedStatement locking(Connection connection, String select, List<String> ids)
            throws SQLException {
        PreparedStatement query = connection.prepareStatement(select + " WHERE id IN ("
                + "?,".repeat(ids.size()).replaceAll(",$", "") + ") FOR UPDATE");
        int i = 1;
        for (String id : ids) {
            query.setString(i++, id);
        }
        return query;
    }

    /**
     * The ids to read: for consecutive ids, those from the first to the last the table holds, found by a range
     * scan without locks; otherwise all of them.
     */
    private static List<String> present(Connection connection, String table, List<String> ids, boolean consecutive)
            throws SQLException {
        if (!consecutive) {
            return ids;
        }
        List<String> present = new ArrayList<>();
        try (PreparedStatement query = connection.prepareStatement("SELECT id FROM " + table
                + " WHERE id BETWEEN ? AND ?")) {
            query.setString(1, ids.get(0));
            query.setString(2, ids.get(ids.size() - 1));
            try (ResultSet r = query.executeQuery()) {
                while (r.next()) {
                    present.add(r.getString(1));
                }
            }
        }
        return present;
    }
}
