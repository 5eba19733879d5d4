package dev.weblogs.app;

import dev.weblogs.message.Rejection;
import dev.weblogs.store.Destination;
import dev.weblogs.transform.LineMapper;
import java.util.List;

/**
 * What makes a consumer program: the queue it consumes, the tables its rows go to and how a line becomes one.
 *
 * @param program    the program's name, for its broker connections and its metrics
 * @param queue      the queue to consume
 * @param entities   the entity classes it writes through Hibernate
 * @param tables     the tables it writes, created when missing
 * @param mapper     what a line becomes
 * @param rows       where its rows go
 * @param rejections where its rejected lines are recorded; {@code null} to publish them to the queue's
 *                   dead-letter queue instead
 */
public record ConsumerDefinition<R>(String program, String queue, List<Class<?>> entities, List<String> tables,
                                    LineMapper<R> mapper, Destination<R> rows, Destination<Rejection> rejections) {
}
