package dev.weblogs.store;

import dev.weblogs.message.Rejection;
import dev.weblogs.sink.KeyedRow;
import dev.weblogs.sink.RowStore;
import dev.weblogs.sink.StoreResult;
import java.util.ArrayList;
import java.util.List;
import org.hibernate.SessionFactory;
import org.hibernate.StatelessSession;

/**
 * The rows of a batch and its rejected lines through Hibernate, in one transaction, each kind in one JDBC
 * batch that the driver sends as one multi-row INSERT. Entities insert with {@code ON DUPLICATE KEY UPDATE},
 * so a row already stored is left as it is and never fails its batch; then the {@link Occurrences} of the
 * batch's lines are counted.
 */
public final class TableStore<R> implements RowStore<R> {

    private final SessionFactory sessionFactory;
    private final Destination<R> rows;
    private final Destination<Rejection> rejections;

    /**
     * @param rejections where rejected lines are recorded; {@code null} when the store has no table for them, and
     *                   returns them to be set aside elsewhere
     */
    public TableStore(Database database, Destination<R> rows, Destination<Rejection> rejections) {
        this.sessionFactory = database.sessionFactory();
        this.rows = rows;
        this.rejections = rejections;
    }

    @Override
    public StoreResult store(List<KeyedRow<R>> batch, List<Rejection> rejected) {
        try {
            return sessionFactory.fromStatelessTransaction(session -> {
                List<String[]> keyed = new ArrayList<>(batch.size());
                List<Object> entities = new ArrayList<>(batch.size());
                for (KeyedRow<R> row : batch) {
                    keyed.add(new String[] {rows.id().apply(row.row()), row.occurrenceKey()});
                    entities.add(rows.entity().apply(row.row(), row.occurrenceKey()));
                }
                int written = insert(session, entities, rows, keyed);
                if (rejections == null) {
                    return new StoreResult(written, batch.size() - written, rejected);
                }
                List<String[]> rejectedKeys = new ArrayList<>(rejected.size());
                rejected.forEach(r -> rejectedKeys.add(new String[] {rejections.id().apply(r), r.occurrenceKey()}));
                insert(session, rejected.stream().map(r -> rejections.entity().apply(r, r.occurrenceKey())).toList(),
                        rejections, rejectedKeys);
                return new StoreResult(written, batch.size() - written, List.of());
            });
        } catch (RuntimeException e) {
            throw SqlErrors.classify(e);
        }
    }

    /** Inserts the entities and counts their occurrences; how many rows were new. */
    private static int insert(StatelessSession session, List<Object> entities, Destination<?> destination,
                              List<String[]> keyed) {
        if (entities.isEmpty()) {
            return 0;
        }
        session.insertMultiple(entities);
        // Exact: the driver counts a row left as it was as 0 (useAffectedRows, which DriverUrl enforces); when it
        // splits a batch too big for one packet this is the last part's count, which only costs a look-up below.
        int written = session.createNativeQuery("SELECT ROW_COUNT()", Long.class).getSingleResult().intValue();
        new Occurrences(destination.table(), destination.repeatsTable(), destination.changesTable())
                .record(session, keyed, written);
        return written;
    }
}
