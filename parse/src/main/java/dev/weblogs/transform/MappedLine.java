package dev.weblogs.transform;

/** What a line becomes on its way to a table: a row to store, or the reason it can never be one. */
public sealed interface MappedLine<R> {

    record Row<R>(R row) implements MappedLine<R> {
    }

    record Rejected<R>(String reason) implements MappedLine<R> {
    }
}
