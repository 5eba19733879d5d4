package dev.weblogs.sink;

import dev.weblogs.message.Delivery;
import dev.weblogs.message.Rejection;
import dev.weblogs.transform.MappedLine;

/** A delivery and what its line became. */
record Item<R>(Delivery delivery, MappedLine<R> mapped) {

    Rejection rejection(String reason) {
        return new Rejection(delivery.body(), reason, delivery.occurrenceKey());
    }
}
