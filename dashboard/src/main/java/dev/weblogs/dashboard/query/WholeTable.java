package dev.weblogs.dashboard.query;

import dev.weblogs.dashboard.model.Column;
import dev.weblogs.dashboard.model.ColumnTally;
import dev.weblogs.dashboard.model.Frame;
import dev.weblogs.dashboard.model.HourTally;
import dev.weblogs.dashboard.model.StatusClass;
import dev.weblogs.dashboard.model.TableTally;

/**
 * The view of every live row (range "all", no filter: the page as it opens) answered from the figures the
 * model keeps as rows change ({@link TableTally}): the overview, timeline and heat map cost the hours and
 * groups, not the rows; a panel reads the rows once, in place, for the distinct IPs of its top groups only.
 * The same numbers as the scans, which the tests check.
 */
final class WholeTable {

    private WholeTable() {
    }

    /** Whether {@code view} keeps every live row. */
    static boolean covers(View view) {
        return view.window().equals(TimeWindow.ALL) && view.filters().isEmpty();
    }

    /** A panel without an implied filter (the 404s have one). */
    static PanelResult panel(Frame frame, Panel panel, int limit) {
        Grouping grouping = Grouping.of(frame, panel.field());
        ColumnTally tally = frame.whole().column(panel.field().column());
        long[] hits = new long[grouping.groups()];
        long[] bytes = new long[grouping.groups()];
        long total = 0;
        for (int code = 0, codes = Math.min(grouping.storedCodes(), tally.hits().length); code < codes; code++) {
            int group = grouping.remap() == null ? code : grouping.remap()[code];
            hits[group] += tally.hits()[code];
            bytes[group] += tally.bytes()[code];
            total += tally.hits()[code];
        }
        int[] top = TopGroups.of(hits, limit);
        long[] ips = panel.field() == Field.IP ? PanelQuery.ones(top.length)
                : DistinctIps.perGroupOfLiveRows(frame, grouping, top, PanelQuery.slots(grouping, top));
        return PanelQuery.result(frame, panel, grouping, hits, bytes, total, top, ips, null);
    }

    static Totals totals(Frame frame) {
        TableTally whole = frame.whole();
        long[] byClass = new long[StatusClass.NAMES.length];
        Grouping classes = Grouping.of(frame, Field.STATUS_CLASS);
        long[] statusHits = whole.column(Column.STATUS).hits();
        for (int code = 0, codes = Math.min(classes.storedCodes(), statusHits.length); code < codes; code++) {
            byClass[classes.remap()[code]] += statusHits[code];
        }
        long ips = 0;
        for (long hits : whole.column(Column.IP).hits()) {
            ips += hits > 0 ? 1 : 0;
        }
        return new Totals(whole.requests(), ips, whole.bytes(), byClass[StatusClass.CLIENT_ERROR],
                byClass[StatusClass.SERVER_ERROR]);
    }

    /** The timeline, or {@code null} when its buckets are shorter than the hours the model keeps. */
    static Timeline timeline(Frame frame, View view) {
        TableTally whole = frame.whole();
        if (whole.first() > whole.last()) {
            return Timeline.empty(frame);
        }
        Buckets buckets = Buckets.of(view, false, whole.first(), whole.last());
        if (buckets.step() < Buckets.HOUR) {
            return null;
        }
        long[][] requests = new long[StatusClass.NAMES.length][buckets.count()];
        long[] bytes = new long[buckets.count()];
        whole.hours().forEach((start, figures) -> {
            int at = buckets.of(start);
            if (at >= 0) {
                for (int c = 0; c < requests.length; c++) {
                    requests[c][at] += figures[c];
                }
                bytes[at] += figures[HourTally.BYTES];
            }
        });
        return Timeline.of(frame, buckets, requests, bytes, null);
    }

    static HeatMap heatMap(Frame frame) {
        long[][] requests = new long[7][24];
        frame.whole().hours().forEach((start, figures) -> {
            for (int c = 0; c < HourTally.BYTES; c++) {
                requests[RowFilter.weekdayOf(start)][RowFilter.hourOf(start)] += figures[c];
            }
        });
        return new HeatMap(frame.version(), requests);
    }
}
