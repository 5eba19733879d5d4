package dev.weblogs.dashboard.query;

import dev.weblogs.dashboard.model.Frame;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * A ranked table from selected rows: hits and bytes for every group in one pass, the top groups by hits, then
 * distinct IPs for those only, and, when comparing, the same figures for them in the previous period.
 */
final class PanelQuery {

    private PanelQuery() {
    }

    /** @param previous the previous period's rows, or {@code null} */
    static PanelResult run(Frame frame, Panel panel, Selection current, Selection previous, int limit) {
        Grouping grouping = Grouping.of(frame, panel.field());
        long[] hits = new long[grouping.groups()];
        long[] bytes = new long[grouping.groups()];
        long total = sum(frame, grouping, current, hits, bytes);
        int[] top = TopGroups.of(hits, limit);
        int[] slots = slots(grouping, top);
        long[] ips = panel.field() == Field.IP ? ones(top.length)
                : DistinctIps.perGroup(frame, grouping, current, top, slots);
        PanelRow.Figures[] before = previous == null ? null : previous(frame, panel, grouping, previous, top, slots);
        return result(frame, panel, grouping, hits, bytes, total, top, ips, before);
    }

    /** Group code to its index in {@code top}, -1 for the groups not in it. */
    static int[] slots(Grouping grouping, int[] top) {
        int[] slots = new int[grouping.groups()];
        Arrays.fill(slots, -1);
        for (int slot = 0; slot < top.length; slot++) {
            slots[top[slot]] = slot;
        }
        return slots;
    }

    /** Each IP is one distinct IP: the IPs panel needs no count. */
    static long[] ones(int groups) {
        long[] one = new long[groups];
        Arrays.fill(one, 1);
        return one;
    }

    /**
     * The table of the {@code top} groups, from every group's hits and bytes and the top ones' distinct IPs.
     *
     * @param before the top groups' figures in the previous period, or {@code null}
     */
    static PanelResult result(Frame frame, Panel panel, Grouping grouping, long[] hits, long[] bytes, long total,
                              int[] top, long[] ips, PanelRow.Figures[] before) {
        List<PanelRow> rows = new ArrayList<>(top.length);
        for (int slot = 0; slot < top.length; slot++) {
            int group = top[slot];
            String value = grouping.value(group);
            rows.add(new PanelRow(value, label(frame, panel, value), hits[group], ips[slot], bytes[group],
                    before == null ? null : before[slot]));
        }
        int groups = 0;
        for (long groupHits : hits) {
            groups += groupHits > 0 ? 1 : 0;
        }
        boolean agents = panel.field() == Field.BROWSER || panel.field() == Field.OS;
        return new PanelResult(panel.key(), panel.title(), panel.field().key(), frame.version(), total, groups,
                agents ? frame.unresolved() : 0, rows);
    }

    private static long sum(Frame frame, Grouping grouping, Selection selection, long[] hits, long[] bytes) {
        int[] occurrences = frame.occurrences();
        long[] sizes = frame.bytes();
        int[] rows = selection.rows();
        long total = 0;
        for (int i = 0, count = selection.count(); i < count; i++) {
            int row = rows[i];
            int group = grouping.group(row);
            long requests = occurrences[row];
            hits[group] += requests;
            bytes[group] += sizes[row] * requests;
            total += requests;
        }
        return total;
    }

    private static PanelRow.Figures[] previous(Frame frame, Panel panel, Grouping grouping, Selection selection,
                                               int[] top, int[] slots) {
        long[] hits = new long[top.length];
        long[] bytes = new long[top.length];
        int[] occurrences = frame.occurrences();
        long[] sizes = frame.bytes();
        int[] rows = selection.rows();
        for (int i = 0, count = selection.count(); i < count; i++) {
            int row = rows[i];
            int slot = slots[grouping.group(row)];
            if (slot >= 0) {
                hits[slot] += occurrences[row];
                bytes[slot] += sizes[row] * occurrences[row];
            }
        }
        long[] ips = panel.field() == Field.IP ? hits.clone() : DistinctIps.perGroup(frame, grouping, selection, top,
                slots);
        PanelRow.Figures[] figures = new PanelRow.Figures[top.length];
        for (int slot = 0; slot < top.length; slot++) {
            long distinct = panel.field() == Field.IP ? Math.min(1, ips[slot]) : ips[slot];
            figures[slot] = new PanelRow.Figures(hits[slot], distinct, bytes[slot]);
        }
        return figures;
    }

    private static String label(Frame frame, Panel panel, String value) {
        if (value == null) {
            return panel.nullLabel();
        }
        if (panel.field() == Field.STATUS) {
            String reason = frame.reasons().get(value);
            return reason == null ? value : value + " " + reason;
        }
        return value;
    }
}
