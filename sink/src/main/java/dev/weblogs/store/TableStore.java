package dev.weblogs.store;

import dev.weblogs.message.Rejection;
import dev.weblogs.sink.KeyedRow;
import dev.weblogs.sink.RowStore;
import dev.weblogs.sink.StoreResult;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import org.hibernate.SessionFactory;

/**
 * Rows of one table through Hibernate, a batch in one transaction and one JDBC batch, which the driver
 * sends as one multi-row INSERT. Entities insert with {@code ON DUPLICATE KEY UPDATE}, so a row already
 * stored is left as it is and never fails its batch.
 */
public final class TableStore<R> implements RowStore<R> {

    private final SessionFactory sessionFactory;
    private final Function<R, Object> toEntity;
    private final Function<Rejection, Object> toRejectedEntity;

    /**
     * @param toEntity         the entity of a row
     * @param toRejectedEntity the entity that records a rejected line; {@code null} when the store has no
     *                         table for them, and returns them to be set aside elsewhere
     */
    public TableStore(Database database, Function<R, Object> toEntity, Function<Rejection, Object> toRejectedEntity) {
        this.sessionFactory = database.sessionFactory();
        this.toEntity = toEntity;
        this.toRejectedEntity = toRejectedEntity;
    }

    @Override
    public StoreResult store(List<KeyedRow<R>> rows, List<Rejection> rejections) {
        try {
            return sessionFactory.fromStatelessTransaction(session -> {
                int written = 0;
                if (!rows.isEmpty()) {
                    List<Object> entities = new ArrayList<>(rows.size());
                    rows.forEach(row -> entities.add(toEntity.apply(row.row())));
                    session.insertMultiple(entities);
                    // Exact: the driver counts a row left as it was as 0 (useAffectedRows, which DriverUrl enforces).
                    written = session.createNativeQuery("SELECT ROW_COUNT()", Long.class).getSingleResult().intValue();
                }
                if (toRejectedEntity == null) {
                    return new StoreResult(written, rows.size() - written, rejections);
                }
                if (!rejections.isEmpty()) {
                    session.insertMultiple(rejections.stream().map(toRejectedEntity).toList());
                }
                return new StoreResult(written, rows.size() - written, List.of());
            });
        } catch (RuntimeException e) {
            throw SqlErrors.classify(e);
        }
    }
}
