package dev.weblogs.dashboard.query;

import java.util.List;

/**
 * What a page shows: a time range, the filters every panel applies, and the period it is compared with.
 *
 * @param range    the preset ("15m" .. "30d", "all") or "custom"
 * @param window   the rows of the range
 * @param previous the period of the same length just before, or {@code null} when comparison is off or the
 *                 range has no length ("all")
 * @param now      the moment presets were resolved at, seconds since 1970
 */
public record View(String range, TimeWindow window, TimeWindow previous, List<Filter> filters, long now) {

    public View {
        filters = List.copyOf(filters);
    }

    /** This view with one more filter, as a panel with an implied filter (404s) sees it. */
    public View with(Filter filter) {
        List<Filter> more = new java.util.ArrayList<>(filters);
        more.add(filter);
        return new View(range, window, previous, more, now);
    }
}
