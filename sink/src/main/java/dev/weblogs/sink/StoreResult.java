package dev.weblogs.sink;

import dev.weblogs.message.Rejection;
import java.util.ArrayList;
import java.util.List;

/**
 * What a store did with a batch.
 *
 * @param written    rows that were new
 * @param duplicates rows that were there already (a redelivered or republished line)
 * @param notKept    rejections this store has no table for, to be set aside elsewhere
 */
public record StoreResult(int written, int duplicates, List<Rejection> notKept) {

    static final StoreResult NOTHING = new StoreResult(0, 0, List.of());

    StoreResult plus(StoreResult other) {
        List<Rejection> both = new ArrayList<>(notKept);
        both.addAll(other.notKept);
        return new StoreResult(written + other.written, duplicates + other.duplicates, both);
    }
}
