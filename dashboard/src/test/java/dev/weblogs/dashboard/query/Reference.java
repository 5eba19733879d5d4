package dev.weblogs.dashboard.query;

import dev.weblogs.dashboard.model.LogRow;
import java.net.URI;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.function.Predicate;
import nl.basjes.parse.useragent.UserAgent;
import nl.basjes.parse.useragent.UserAgentAnalyzer;

/**
 * The panels' numbers computed the plain way, row by row over a list, with its own reading of each field: what
 * the model's scans must agree with.
 */
final class Reference {

    private static final UserAgentAnalyzer AGENTS = UserAgentAnalyzer.newBuilder().hideMatcherLoadStats()
            .withField(UserAgent.AGENT_NAME).withField(UserAgent.OPERATING_SYSTEM_NAME).build();

    /** Hits, distinct IPs and bytes of one value. */
    record Figures(long hits, long ips, long bytes) {
    }

    private Reference() {
    }

    static String value(Field field, LogRow row) {
        return switch (field) {
            case PATH -> row.target().replaceFirst("^[a-zA-Z][a-zA-Z0-9+.-]*://[^/]*", "").replaceFirst("[?#].*$", "")
                    .transform(path -> path.isEmpty() ? "/" : path);
            case HOST -> row.host();
            case STATUS -> String.valueOf(row.status());
            case COUNTRY -> row.country();
            case CITY -> row.city();
            case IP -> row.ip();
            case USER -> row.user();
            case EMAIL_DOMAIN -> row.emailDomain();
            case METHOD -> row.method();
            case VERSION -> row.version();
            case REFERRER -> row.referrer() == null ? null : row.referrer().contains("://")
                    ? URI.create(row.referrer()).getHost().toLowerCase(Locale.ROOT) : row.referrer();
            case BROWSER -> row.userAgent() == null ? null : AGENTS.parse(row.userAgent()).getValue(UserAgent.AGENT_NAME);
            case OS -> row.userAgent() == null ? null
                    : AGENTS.parse(row.userAgent()).getValue(UserAgent.OPERATING_SYSTEM_NAME);
            case STATUS_CLASS -> row.status() >= 100 && row.status() < 600 ? row.status() / 100 + "xx" : "other";
            case HOUR -> String.valueOf(Instant.ofEpochSecond(row.time()).atOffset(ZoneOffset.UTC).getHour());
            case WEEKDAY -> String.valueOf(Instant.ofEpochSecond(row.time()).atOffset(ZoneOffset.UTC).getDayOfWeek()
                    .getValue());
        };
    }

    /** Whether a row passes the window and every filter, as the view means them. */
    static Predicate<LogRow> keeps(TimeWindow window, List<Filter> filters) {
        return row -> row.occurrences() > 0 && window.contains(row.time()) && filters.stream().allMatch(filter -> {
            String value = value(filter.field(), row);
            boolean listed = filter.values().contains(value == null ? "" : value);
            return listed != filter.exclude();
        });
    }

    static Map<String, Figures> panel(List<LogRow> rows, Field field, TimeWindow window, List<Filter> filters) {
        return group(rows, keeps(window, filters), row -> value(field, row));
    }

    static Figures totals(List<LogRow> rows, TimeWindow window, List<Filter> filters) {
        return group(rows, keeps(window, filters), row -> "all").getOrDefault("all", new Figures(0, 0, 0));
    }

    private static Map<String, Figures> group(List<LogRow> rows, Predicate<LogRow> keep, Function<LogRow, String> key) {
        Map<String, long[]> sums = new HashMap<>();
        Map<String, Set<String>> ips = new HashMap<>();
        for (LogRow row : rows) {
            if (!keep.test(row)) {
                continue;
            }
            String value = key.apply(row);
            long[] sum = sums.computeIfAbsent(value, v -> new long[2]);
            sum[0] += row.occurrences();
            sum[1] += row.sizeBytes() * row.occurrences();
            ips.computeIfAbsent(value, v -> new HashSet<>()).add(row.ip());
        }
        Map<String, Figures> figures = new HashMap<>();
        sums.forEach((value, sum) -> figures.put(value, new Figures(sum[0], ips.get(value).size(), sum[1])));
        return figures;
    }
}
