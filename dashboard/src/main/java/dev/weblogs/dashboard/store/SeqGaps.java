package dev.weblogs.dashboard.store;

import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The {@code seq} values below the highest one seen that no row had when the follower passed them. Most stay
 * empty for good (a rolled-back transaction or a duplicate insert consumed them), but a transaction that
 * committed after a later one fills its gap late, so each gap is looked at again until it is older than
 * {@link #patience}, and once more after that.
 */
final class SeqGaps {

    /** {@code from .. to} inclusive, first seen at {@code since} (ms). */
    record Gap(long from, long to, long since) {
    }

    private final TreeMap<Long, Gap> gaps = new TreeMap<>();
    private final long patience;
    private long next = Long.MIN_VALUE;

    /** @param patienceMillis how long after it is seen a gap can still fill */
    SeqGaps(long patienceMillis) {
        this.patience = patienceMillis;
    }

    /** Records that the values {@code from .. to} had no row at {@code now}; nothing when {@code from > to}. */
    void add(long from, long to, long now) {
        if (from <= to) {
            gaps.put(from, new Gap(from, to, now));
        }
    }

    /** Records the gaps of an ascending run of {@code seq} values read after {@code last}. */
    long follow(long last, long seq, long now) {
        add(last + 1, seq - 1, now);
        return Math.max(last, seq);
    }

    /** A row turned up at {@code seq}: that value is no longer a gap. */
    void filled(long seq) {
        Map.Entry<Long, Gap> entry = gaps.floorEntry(seq);
        if (entry == null || entry.getValue().to() < seq) {
            return;
        }
        Gap gap = entry.getValue();
        gaps.remove(gap.from());
        add(gap.from(), seq - 1, gap.since());
        add(seq + 1, gap.to(), gap.since());
    }

    /** Up to {@code max} gaps to look at now, taking turns when there are more. */
    List<Gap> due(int max) {
        List<Gap> due = new ArrayList<>();
        for (Gap gap : gaps.tailMap(next, true).values()) {
            if (due.size() == max) {
                break;
            }
            due.add(gap);
        }
        for (Gap gap : gaps.headMap(next, false).values()) {
            if (due.size() == max) {
                break;
            }
            due.add(gap);
        }
        return due;
    }

    /** {@code checked} were looked at, at {@code now}: the next turn starts after them; old ones are let go. */
    void checked(List<Gap> checked, long now) {
        for (Gap gap : checked) {
            if (now - gap.since() > patience) {
                gaps.remove(gap.from(), gap);
            }
        }
        next = checked.isEmpty() ? Long.MIN_VALUE : checked.get(checked.size() - 1).from() + 1;
    }

    int size() {
        return gaps.size();
    }

    /** The SQL condition for {@code count} gaps, bound by {@link #bind}. */
    static String condition(int count) {
        return String.join(" OR ", java.util.Collections.nCopies(count, "`seq` BETWEEN ? AND ?"));
    }

    static void bind(PreparedStatement statement, List<Gap> gaps) throws SQLException {
        int index = 1;
        for (Gap gap : gaps) {
            statement.setLong(index++, gap.from());
            statement.setLong(index++, gap.to());
        }
    }
}
