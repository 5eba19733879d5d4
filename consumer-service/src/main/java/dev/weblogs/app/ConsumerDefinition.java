package dev.weblogs.app;

import dev.weblogs.message.Rejection;
import dev.weblogs.transform.LineMapper;
import java.util.List;
import java.util.function.Function;

/**
 * What makes a consumer program: the queue it consumes, the table its rows go to and how a line becomes one.
 *
 * @param program          the program's name, for its broker connections and its metrics
 * @param queue            the queue to consume
 * @param table            the table the rows go to, for logs and metrics
 * @param entities         the entity classes it writes through Hibernate
 * @param tables           the tables it writes, created when missing
 * @param mapper           what a line becomes
 * @param toEntity         the entity of a row
 * @param toRejectedEntity the entity that records a rejected line in a table; {@code null} to publish rejected
 *                         lines to the queue's dead-letter queue instead
 */
public record ConsumerDefinition<R>(String program, String queue, String table, List<Class<?>> entities,
                                    List<String> tables, LineMapper<R> mapper, Function<R, Object> toEntity,
                                    Function<Rejection, Object> toRejectedEntity) {
}
