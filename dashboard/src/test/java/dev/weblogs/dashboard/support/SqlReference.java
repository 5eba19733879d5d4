package dev.weblogs.dashboard.support;

import java.net.URI;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import nl.basjes.parse.useragent.UserAgent;
import nl.basjes.parse.useragent.UserAgentAnalyzer;

/**
 * The panels' numbers straight from SQL over {@code clean-log}: each column grouped with the client IP, so that
 * the derived fields (path, referring site, browser, OS) are read from the raw column here, independently.
 */
public final class SqlReference {

    private static final UserAgentAnalyzer AGENTS = UserAgentAnalyzer.newBuilder().hideMatcherLoadStats()
            .withField(UserAgent.AGENT_NAME).withField(UserAgent.OPERATING_SYSTEM_NAME).build();

    /** Hits, distinct IPs and bytes of one value. */
    public record Figures(long hits, long ips, long bytes) {
    }

    /** A WHERE clause and its parameters. */
    public record Where(String sql, List<Object> parameters) {
        public static Where all() {
            return new Where("TRUE", List.of());
        }

        public Where and(String condition, Object... more) {
            List<Object> all = new ArrayList<>(parameters);
            all.addAll(List.of(more));
            return new Where(sql + " AND (" + condition + ")", all);
        }
    }

    private SqlReference() {
    }

    /** The column a panel's field is read from. */
    public static String column(String field) {
        return switch (field) {
            case "path" -> "url";
            case "method" -> "rest_method";
            case "version" -> "rest_version";
            case "browser", "os" -> "user_agent";
            default -> field;
        };
    }

    public static Map<String, Figures> panel(Connection connection, String field, Where where) throws SQLException {
        String column = "`" + column(field) + "`";
        String sql = "SELECT " + column + ", `ip`, SUM(`occurrences`), SUM(`size_bytes` * `occurrences`) FROM `clean-log`"
                + " WHERE " + where.sql() + " GROUP BY " + column + ", `ip`";
        Map<String, long[]> sums = new HashMap<>();
        Map<String, Set<String>> ips = new HashMap<>();
        try (PreparedStatement statement = connection.prepareStatement(sql)) {
            for (int i = 0; i < where.parameters().size(); i++) {
                statement.setObject(i + 1, where.parameters().get(i));
            }
            try (ResultSet result = statement.executeQuery()) {
                while (result.next()) {
                    String value = derive(field, result.getString(1));
                    long[] sum = sums.computeIfAbsent(value, v -> new long[2]);
                    sum[0] += result.getLong(3);
                    sum[1] += result.getLong(4);
                    ips.computeIfAbsent(value, v -> new HashSet<>()).add(result.getString(2));
                }
            }
        }
        Map<String, Figures> figures = new HashMap<>();
        sums.forEach((value, sum) -> figures.put(value, new Figures(sum[0], ips.get(value).size(), sum[1])));
        return figures;
    }

    public static Figures totals(Connection connection, Where where) throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement("SELECT COALESCE(SUM(`occurrences`), 0),"
                + " COUNT(DISTINCT `ip`), COALESCE(SUM(`size_bytes` * `occurrences`), 0) FROM `clean-log` WHERE "
                + where.sql())) {
            for (int i = 0; i < where.parameters().size(); i++) {
                statement.setObject(i + 1, where.parameters().get(i));
            }
            try (ResultSet result = statement.executeQuery()) {
                result.next();
                return new Figures(result.getLong(1), result.getLong(2), result.getLong(3));
            }
        }
    }

    private static String derive(String field, String raw) {
        if (raw == null) {
            return null;
        }
        return switch (field) {
            case "path" -> raw.replaceFirst("^[a-zA-Z][a-zA-Z0-9+.-]*://[^/]*", "").replaceFirst("[?#].*$", "")
                    .transform(path -> path.isEmpty() ? "/" : path);
            case "referrer" -> raw.contains("://") ? URI.create(raw).getHost().toLowerCase(Locale.ROOT) : raw;
            case "browser" -> AGENTS.parse(raw).getValue(UserAgent.AGENT_NAME);
            case "os" -> AGENTS.parse(raw).getValue(UserAgent.OPERATING_SYSTEM_NAME);
            default -> raw;
        };
    }
}
