package dev.weblogs.sink;

import dev.weblogs.message.Rejection;
import java.util.List;

/** Where a consumer's rows go. */
@FunctionalInterface
public interface RowStore<R> {

    /**
     * Stores {@code rows}, and the {@code rejections} it has a table for, in one transaction; a row already
     * stored is left as it is, so a line delivered twice is stored once.
     *
     * @throws StoreException when the transaction failed, saying whether to wait, isolate a row, or stop
     */
    StoreResult store(List<KeyedRow<R>> rows, List<Rejection> rejections);
}
