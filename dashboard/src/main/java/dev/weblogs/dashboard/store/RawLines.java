package dev.weblogs.dashboard.store;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** The lines behind clean-log rows: {@code raw-log} looked up by the rows' ids (its primary key). */
public final class RawLines {

    /**
     * A line as the lake stored it.
     *
     * @param time the time written in the line, with its own offset ({@code 2023-03-01T00:00:09-05:00}), or
     *             {@code null} when the line had none readable
     */
    public record RawLine(String id, String log, String time, long occurrences) {
    }

    private final ReadOnlyDatabase database;

    public RawLines(ReadOnlyDatabase database) {
        this.database = database;
    }

    /** The raw lines of {@code ids} that the lake has stored, by id. */
    public Map<String, RawLine> find(List<String> ids) throws SQLException {
        Map<String, RawLine> lines = new HashMap<>();
        if (ids.isEmpty()) {
            return lines;
        }
        try (Connection connection = database.connection();
             PreparedStatement statement = connection.prepareStatement("SELECT `id`, `log`,"
                     + " DATE_FORMAT(`timestamp`, '%Y-%m-%dT%H:%i:%s'), `timestamp_offset`, `occurrences`"
                     + " FROM `raw-log` WHERE `id` IN (" + "?,".repeat(ids.size() - 1) + "?)")) {
            for (int i = 0; i < ids.size(); i++) {
                statement.setString(i + 1, ids.get(i));
            }
            try (ResultSet result = statement.executeQuery()) {
                while (result.next()) {
                    String time = result.getString(3);
                    String offset = result.getString(4);
                    lines.put(result.getString(1), new RawLine(result.getString(1), result.getString(2),
                            time == null ? null : time + (offset == null ? "" : offset), result.getLong(5)));
                }
            }
        }
        return lines;
    }
}
