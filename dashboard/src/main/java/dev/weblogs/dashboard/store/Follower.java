package dev.weblogs.dashboard.store;

import dev.weblogs.dashboard.model.LogModel;
import dev.weblogs.dashboard.model.LogRow;
import dev.weblogs.failure.Retry;
import dev.weblogs.lifecycle.Stop;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Keeps the model equal to {@code clean-log}: loads it once, then every second reads the rows inserted since
 * ({@code seq} above the last, and late commits into the gaps) and re-reads the rows that
 * {@code clean-log-changes} names. Two small indexed queries a second when nothing happens, whatever the number
 * of pages open. A database outage is waited out; one longer than the writers keep changes for reloads.
 */
public final class Follower implements Runnable {

    private static final Logger log = LoggerFactory.getLogger(Follower.class);

    /** Longer than any writer transaction lasts (InnoDB's lock wait timeout is 50 s). */
    static final Duration GAP_PATIENCE = Duration.ofMinutes(2);
    /** The writers may prune changes older than an hour: after half of that, changes could have been missed. */
    private static final Duration RELOAD_AFTER = Duration.ofMinutes(30);
    private static final int BATCH = 5000;
    private static final int GAPS_PER_QUERY = 500;
    private static final int IDS_PER_QUERY = 500;
    /** Polls between checks that the table was not emptied or recreated under the model. */
    private static final int POLLS_PER_RESET_CHECK = 30;

    private final ReadOnlyDatabase database;
    private final LogModel model;
    private final Stop stop;
    private final Duration interval;
    private final LoadProgress progress = new LoadProgress();
    private volatile String failure;
    private volatile LinkStatus status = new LinkStatus(false, "connecting", System.currentTimeMillis());
    private FollowState state;
    private long lastSuccess = System.currentTimeMillis();
    private int polls;

    public Follower(ReadOnlyDatabase database, LogModel model, Duration interval, Stop stop) {
        this.database = database;
        this.model = model;
        this.interval = interval;
        this.stop = stop;
    }

    @Override
    public void run() {
        try {
            follow();
        } catch (Error e) {
            // A broken installation (a class missing from the jar, memory exhausted): the dashboard would only
            // ever show stale data, so it stops and says why.
            log.error("cannot follow clean-log", e);
            failure = e.toString();
            stop.request();
        }
    }

    /** Why following stopped for good, or {@code null}. */
    public String failure() {
        return failure;
    }

    private void follow() {
        Retry retry = new Retry(stop);
        while (!stop.isRequested()) {
            try (Connection connection = database.connection()) {
                if (state == null) {
                    state = SnapshotLoad.run(connection, model, progress, GAP_PATIENCE.toMillis(), stop);
                    model.markReady();
                }
                poll(connection);
                succeeded();
                if (state == null) {
                    continue;
                }
                retry = new Retry(stop);
                if (!stop.pause(interval)) {
                    return;
                }
            } catch (Stop.Stopped e) {
                return;
            } catch (SQLException | RuntimeException e) {
                failed(e);
                if (!(DatabaseErrors.isMissingTable(e) ? stop.pause(Duration.ofSeconds(2)) : retry.pause())) {
                    return;
                }
            }
        }
    }

    private void poll(Connection connection) throws SQLException {
        long now = System.currentTimeMillis();
        if (++polls % POLLS_PER_RESET_CHECK == 0 && CleanLogReader.maxSeq(connection) < state.rowSeq()) {
            log.warn("clean-log was emptied or recreated: the model will be loaded again");
            state = null;
            return;
        }
        List<LogRow> rows = new ArrayList<>();
        long rowSeq = state.rowSeq();
        List<LogRow> batch;
        do {
            batch = CleanLogReader.afterSeq(connection, rowSeq, BATCH);
            for (LogRow row : batch) {
                rowSeq = state.rowGaps().follow(rowSeq, row.seq(), now);
            }
            rows.addAll(batch);
        } while (batch.size() == BATCH);
        List<SeqGaps.Gap> due = state.rowGaps().due(GAPS_PER_QUERY);
        if (!due.isEmpty()) {
            for (LogRow late : CleanLogReader.inGaps(connection, due)) {
                state.rowGaps().filled(late.seq());
                rows.add(late);
            }
            state.rowGaps().checked(due, now);
        }
        Set<String> changed = new LinkedHashSet<>();
        long changeSeq = changes(connection, now, changed);
        List<String> removed = new ArrayList<>();
        List<String> ids = new ArrayList<>(changed);
        for (int from = 0; from < ids.size(); from += IDS_PER_QUERY) {
            List<String> chunk = ids.subList(from, Math.min(ids.size(), from + IDS_PER_QUERY));
            List<LogRow> current = CleanLogReader.byIds(connection, chunk);
            rows.addAll(current);
            Set<String> gone = new LinkedHashSet<>(chunk);
            current.forEach(row -> gone.remove(row.id()));
            removed.addAll(gone);
        }
        model.apply(rows, removed);
        state = state.withSeqs(rowSeq, changeSeq);
    }

    /** Adds to {@code changed} the ids of changes since the last poll; returns the new highest change. */
    private long changes(Connection connection, long now, Set<String> changed) throws SQLException {
        long changeSeq = state.changeSeq();
        try {
            List<ChangeReader.Change> batch;
            do {
                batch = ChangeReader.after(connection, changeSeq, BATCH);
                for (ChangeReader.Change change : batch) {
                    changeSeq = state.changeGaps().follow(changeSeq, change.seq(), now);
                    changed.add(change.id());
                }
            } while (batch.size() == BATCH);
            List<SeqGaps.Gap> due = state.changeGaps().due(GAPS_PER_QUERY);
            if (!due.isEmpty()) {
                for (ChangeReader.Change late : ChangeReader.inGaps(connection, due)) {
                    state.changeGaps().filled(late.seq());
                    changed.add(late.id());
                }
                state.changeGaps().checked(due, now);
            }
        } catch (SQLException e) {
            // A pipeline whose writers predate clean-log-changes only inserts: nothing to follow there yet.
            if (e.getErrorCode() != DatabaseErrors.NO_SUCH_TABLE) {
                throw e;
            }
        }
        return changeSeq;
    }

    private void succeeded() {
        lastSuccess = System.currentTimeMillis();
        if (!status.up()) {
            if (status.problem() != null && !status.problem().equals("connecting")) {
                log.info("reading the database at {} again", database.address());
            }
            status = new LinkStatus(true, null, lastSuccess);
        }
    }

    private void failed(Exception e) {
        String problem = DatabaseErrors.isMissingTable(e)
                ? "waiting for the pipeline to create its tables (" + DatabaseErrors.describe(e) + ")"
                : "cannot read the database at " + database.address() + ": " + DatabaseErrors.describe(e);
        if (!problem.equals(status.problem())) {
            log.warn(problem);
            status = new LinkStatus(false, problem, System.currentTimeMillis());
        }
        if (state != null && System.currentTimeMillis() - lastSuccess > RELOAD_AFTER.toMillis()) {
            log.warn("the database was out of reach for over {} min: the model will be loaded again",
                    RELOAD_AFTER.toMinutes());
            state = null;
        }
    }

    public LinkStatus status() {
        return status;
    }

    public LoadProgress progress() {
        return progress;
    }
}
