package dev.weblogs.store;

import java.util.function.BiFunction;
import java.util.function.Function;

/**
 * Where values of one kind go: a table, the entity Hibernate writes there for a value, and how the
 * occurrences of its lines are counted.
 *
 * @param table        the table's name
 * @param entity       the entity of a value, and the occurrence key of its line
 * @param id           the row id of a value (the md5 of its line)
 * @param repeatsTable where the occurrence keys of a line's later occurrences are kept
 * @param changesTable where the ids of rows changed after their insert are recorded for readers that follow
 *                     the table; {@code null} for none
 */
public record Destination<T>(String table, BiFunction<T, String, Object> entity, Function<T, String> id, String repeatsTable,
                             String changesTable) {
}
