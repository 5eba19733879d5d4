package dev.weblogs.dashboard.store;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The lines set aside in {@code clean-log-rejected}, by reason, for a period of {@code rejected_at}. Asked of the
 * database, since the table is small and has no time of the request; each answer is kept for a few seconds and
 * shared by every page asking for the same period.
 */
public final class Rejections {

    private static final long FRESH_MILLIS = 5000;
    private static final int REASONS = 8;

    /** One reason and how many lines and requests it set aside. */
    public record Reason(String reason, long lines, long requests) {
    }

    /** The total and the most frequent reasons. */
    public record Summary(long lines, long requests, List<Reason> reasons) {
    }

    private record Kept(Summary summary, long at) {
    }

    private final ReadOnlyDatabase database;
    private final Map<String, Kept> kept = new LinkedHashMap<>(16, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, Kept> eldest) {
            return size() > 64;
        }
    };

    public Rejections(ReadOnlyDatabase database) {
        this.database = database;
    }

    /** @param from first second, or {@code null} for no bound; {@code to} the second after the last */
    public Summary summary(Long from, Long to) throws SQLException {
        String key = from + ".." + to;
        synchronized (kept) {
            Kept recent = kept.get(key);
            if (recent != null && System.currentTimeMillis() - recent.at() < FRESH_MILLIS) {
                return recent.summary();
            }
        }
        Summary summary = query(from, to);
        synchronized (kept) {
            kept.put(key, new Kept(summary, System.currentTimeMillis()));
        }
        return summary;
    }

    private Summary query(Long from, Long to) throws SQLException {
        String sql = "SELECT `reason`, COUNT(*), COALESCE(SUM(`occurrences`), 0) FROM `clean-log-rejected`"
                + " WHERE `rejected_at` >= ? AND `rejected_at` < ? GROUP BY `reason` ORDER BY 3 DESC, 1";
        try (Connection connection = database.connection(); PreparedStatement statement = connection.prepareStatement(sql)) {
            statement.setObject(1, utc(from == null ? 0 : from));
            statement.setObject(2, utc(to == null ? 253_402_300_799L : to));
            long lines = 0;
            long requests = 0;
            List<Reason> reasons = new ArrayList<>();
            try (ResultSet result = statement.executeQuery()) {
                while (result.next()) {
                    lines += result.getLong(2);
                    requests += result.getLong(3);
                    if (reasons.size() < REASONS) {
                        reasons.add(new Reason(result.getString(1), result.getLong(2), result.getLong(3)));
                    }
                }
            }
            return new Summary(lines, requests, reasons);
        } catch (SQLException e) {
            if (e.getErrorCode() == DatabaseErrors.NO_SUCH_TABLE) {
                return new Summary(0, 0, List.of());
            }
            throw e;
        }
    }

    /** A DATETIME in UTC: a LocalDateTime goes to the driver as it is, with no zone to shift it. */
    private static LocalDateTime utc(long seconds) {
        return LocalDateTime.ofEpochSecond(seconds, 0, ZoneOffset.UTC);
    }
}
