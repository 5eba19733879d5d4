package dev.weblogs.dashboard.query;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Reads a {@link View} from the query string the page keeps in its URL:
 * {@code ?range=24h&country=Colombia&-status=404&compare=1}. Repeating a field ORs its values; a field written
 * {@code -field} excludes them; different fields AND.
 */
public final class ViewParser {

    /** Presets resolve to 10 s steps, so pages opened at nearly the same moment share cached answers. */
    private static final long NOW_STEP = 10;

    private static final Map<String, Duration> PRESETS = Map.of(
            "15m", Duration.ofMinutes(15), "1h", Duration.ofHours(1), "24h", Duration.ofHours(24),
            "7d", Duration.ofDays(7), "30d", Duration.ofDays(30));

    /** Parameters that are not filters. */
    private static final Set<String> OTHERS = Set.of("range", "from", "to", "now", "compare", "limit", "before");

    private ViewParser() {
    }

    /** @throws IllegalArgumentException naming the parameter to fix */
    public static View parse(Map<String, List<String>> query, long wallClock) {
        long now = query.containsKey("now") ? number(query, "now") : Math.floorDiv(wallClock, NOW_STEP) * NOW_STEP;
        boolean compare = "1".equals(first(query, "compare")) || "true".equals(first(query, "compare"));
        String range = first(query, "range");
        TimeWindow window;
        TimeWindow previous = null;
        if (query.containsKey("from") || query.containsKey("to")) {
            range = "custom";
            window = new TimeWindow(time(query, "from", Long.MIN_VALUE), time(query, "to", Long.MAX_VALUE));
            if (window.from() >= window.to()) {
                throw new IllegalArgumentException("from must be before to");
            }
            if (window.bounded()) {
                previous = new TimeWindow(window.from() - (window.to() - window.from()), window.from());
            }
        } else if (range == null || range.equals("all")) {
            range = "all";
            window = TimeWindow.ALL;
        } else {
            Duration length = PRESETS.get(range);
            if (length == null) {
                throw new IllegalArgumentException("range must be one of 15m, 1h, 24h, 7d, 30d, all, not '"
                        + range + "'");
            }
            window = new TimeWindow(now - length.toSeconds(), Long.MAX_VALUE);
            previous = new TimeWindow(now - 2 * length.toSeconds(), now - length.toSeconds());
        }
        return new View(range, window, compare ? previous : null, filters(query), now);
    }

    private static List<Filter> filters(Map<String, List<String>> query) {
        Map<String, Filter> filters = new LinkedHashMap<>();
        query.forEach((name, values) -> {
            if (OTHERS.contains(name)) {
                return;
            }
            boolean exclude = name.startsWith("-");
            String key = exclude ? name.substring(1) : name;
            Field field = Field.byKey(key).orElseThrow(() -> new IllegalArgumentException("unknown filter '"
                    + name + "'"));
            filters.put(name, new Filter(field, new ArrayList<>(values), exclude));
        });
        return new ArrayList<>(filters.values());
    }

    private static String first(Map<String, List<String>> query, String name) {
        List<String> values = query.get(name);
        return values == null || values.isEmpty() ? null : values.get(0);
    }

    private static long number(Map<String, List<String>> query, String name) {
        try {
            return Long.parseLong(first(query, name));
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(name + " must be seconds since 1970, not '" + first(query, name) + "'");
        }
    }

    /** An ISO time in UTC: {@code 2023-03-01T05:00:00Z}, or without zone, {@code 2023-03-01T05:00}. */
    private static long time(Map<String, List<String>> query, String name, long open) {
        String value = first(query, name);
        if (value == null || value.isEmpty()) {
            return open;
        }
        try {
            return value.endsWith("Z") ? Instant.parse(value).getEpochSecond()
                    : LocalDateTime.parse(value).toEpochSecond(ZoneOffset.UTC);
        } catch (DateTimeParseException e) {
            throw new IllegalArgumentException(name + " must be a UTC time such as 2023-03-01T05:00:00Z, not '"
                    + value + "'");
        }
    }
}
