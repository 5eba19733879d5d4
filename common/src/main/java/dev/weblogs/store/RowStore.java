package dev.weblogs.store;

import java.util.List;

/** Where a consumer's rows go. */
@FunctionalInterface
public interface RowStore {

    /**
     * Stores {@code rows} atomically; a row already stored is left as it is.
     *
     * @return how many of the rows were new
     */
    int store(List<?> rows);
}
