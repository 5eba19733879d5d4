package dev.weblogs.store;

import dev.weblogs.message.Rejection;
import dev.weblogs.row.CleanRow;
import dev.weblogs.row.LineId;
import java.time.Clock;
import java.util.List;

/**
 * The tables of the clean side: {@code clean-log}, {@code clean-log-rejected} for the lines that are not
 * rows, the repeats both share (a line is in one of the two), and the change feed of {@code clean-log}.
 */
public final class CleanTables {

    public static final String CLEAN_LOG = "clean-log";
    public static final String REJECTED = "clean-log-rejected";
    public static final String REPEATS = "clean-log-repeats";
    public static final String CHANGES = "clean-log-changes";
    public static final List<String> ALL = List.of(CLEAN_LOG, REJECTED, REPEATS, CHANGES);

    private CleanTables() {
    }

    public static Destination<CleanRow> rows() {
        return new Destination<>(CLEAN_LOG, CleanLog::of, CleanRow::id, REPEATS, CHANGES);
    }

    /** Rejected lines, with {@code clock} saying when. */
    public static Destination<Rejection> rejections(Clock clock) {
        return new Destination<>(REJECTED, (rejection, key) -> RejectedLine.of(rejection, clock),
                rejection -> LineId.of(rejection.line()), REPEATS, null);
    }
}
