package dev.weblogs.store;

import dev.weblogs.failure.Retry;
import dev.weblogs.lifecycle.Stop;
import dev.weblogs.row.CleanRow;
import dev.weblogs.sink.StoreException;
import dev.weblogs.transform.LineMapper;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import org.hibernate.SessionFactory;
import org.hibernate.query.NativeQuery;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Makes clean-log and clean-log-rejected again from raw-log, which holds every line: after a parser fix or with
 * a new GeoIP database, they end up exactly what the consumer would write for those lines today. Reads raw-log in
 * pages in id order (keyset, never OFFSET: memory and page cost flat at any size), one {@link RebuildPage} and its
 * {@link RebuildProgress} per transaction; the clean consumer may keep running meanwhile.
 */
public final class Rebuild {

    private static final Logger log = LoggerFactory.getLogger(Rebuild.class);
    /**
     * Rows per page and transaction. Larger pages make the driver's multi-row INSERT a buffer of megabytes, which
     * a small heap (the bench's -Xmx256m) allocates outside its young generation: 5 000 cost a third more CPU.
     */
    private static final int PAGE = 1_000;
    /** Pages written at once, each on a connection of its own. */
    private static final int WRITERS = 2;
    /** Connections a rebuild uses at once: the reader's and the writers'. */
    public static final int CONNECTIONS = WRITERS + 1;
    /** How long a page waits for the one before it to commit before rolling back (see {@link WritersInOrder}). */
    private static final Duration IN_ORDER_PATIENCE = Duration.ofSeconds(5);

    /** What a run did: the counts, and whether it went to the end or was stopped. */
    public record Outcome(RebuildCounts counts, boolean finished, boolean resumed) {
    }

    private final SessionFactory sessionFactory;
    private final LineMapper<CleanRow> mapper;
    private final Clock clock;
    private final Stop stop;

    public Rebuild(Database database, LineMapper<CleanRow> mapper, Clock clock, Stop stop) {
        this.sessionFactory = database.sessionFactory();
        this.mapper = mapper;
        this.clock = clock;
        this.stop = stop;
    }

    /** How many raw-log rows the scope holds now, for the progress display. */
    public long total(RebuildScope scope) {
        return sessionFactory.fromStatelessTransaction(session -> bind(session.createNativeQuery(scope.countQuery(),
                Long.class), scope).getSingleResult());
    }

    /** Runs, or continues an interrupted run of the same scope, until the end or a stop request. */
    public Outcome run(RebuildScope scope, Consumer<RebuildCounts> progress) {
        RebuildProgress.State state = inTransaction(session -> RebuildProgress.start(session, scope, clock));
        if (state.resumed()) {
            log.info("continuing the interrupted rebuild ({}) after {} rows", scope.describe(), state.counts().read());
        }
        RebuildCounts counts = state.counts();
        try (PagesAhead pages = new PagesAhead(after -> page(scope, after), mapper, state.lastId());
             WritersInOrder<RebuildCounts> writers = new WritersInOrder<>(WRITERS, counts, IN_ORDER_PATIENCE,
                     "rebuild-writer")) {
            boolean finished = false;
            while (!stop.isRequested()) {
                List<PagesAhead.ParsedLine> page = pages.next();
                if (page.isEmpty()) {
                    finished = true;
                    break;
                }
                for (RebuildCounts ended : writers.submit(before -> write(page, scope.consecutive(), before))) {
                    counts = ended;
                    progress.accept(counts);
                }
            }
            for (RebuildCounts ended : writers.drain()) {
                counts = ended;
                progress.accept(counts);
            }
            if (finished) {
                inTransaction(session -> {
                    RebuildProgress.finish(session, clock);
                    return null;
                });
                return new Outcome(counts, true, state.resumed());
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        return new Outcome(counts, false, state.resumed());
    }

    /** One page in its transaction, committed after the page before it, with the progress up to it. */
    private RebuildCounts write(List<PagesAhead.ParsedLine> page, boolean consecutive,
                                WritersInOrder.Before<RebuildCounts> before) {
        String last = page.get(page.size() - 1).raw().id();
        while (true) {
            try {
                return inTransaction(session -> {
                    RebuildCounts changes = new RebuildPage(clock).apply(session, page, consecutive);
                    RebuildCounts total = before.await().plus(changes);
                    RebuildProgress.save(session, last, total);
                    return total;
                });
            } catch (WritersInOrder.NotYet e) {
                log.info("the page ending at {} waited {} s for the one before it to commit (a lock between them, or"
                        + " a busy database); it is written again", last, IN_ORDER_PATIENCE.toSeconds());
            }
        }
    }

    private List<RebuildPage.RawLine> page(RebuildScope scope, String after) {
        List<Object[]> rows = inTransaction(session -> bind(session.createNativeQuery(scope.pageQuery(), Object[].class),
                scope).setParameter("after", after).setParameter("size", PAGE).getResultList());
        List<RebuildPage.RawLine> lines = new ArrayList<>(rows.size());
        for (Object[] row : rows) {
            lines.add(new RebuildPage.RawLine((String) row[0], (String) row[1], ((Number) row[2]).intValue(),
                    (String) row[3]));
        }
        return lines;
    }

    private static <T> NativeQuery<T> bind(NativeQuery<T> query, RebuildScope scope) {
        return scope.since() == null ? query : query.setParameter("since", scope.since().atStartOfDay());
    }

    /** One transaction, waited out and tried again while the database is unavailable (a deadlock, say). */
    private <T> T inTransaction(java.util.function.Function<org.hibernate.StatelessSession, T> work) {
        Retry retry = new Retry(stop);
        while (true) {
            try {
                return sessionFactory.fromStatelessTransaction(work);
            } catch (WritersInOrder.NotYet | WritersInOrder.EarlierFailure e) {
                throw e;
            } catch (RuntimeException e) {
                StoreException failure = SqlErrors.classify(e);
                if (failure.kind() != StoreException.Kind.UNAVAILABLE) {
                    throw failure;
                }
                log.warn("rebuilding paused: {}; trying again", failure.getMessage());
                if (!retry.pause()) {
                    throw new Stop.Stopped("waiting for the database");
                }
            }
        }
    }
}
