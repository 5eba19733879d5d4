package dev.weblogs.transform;

/** Turns the bytes of one line (a message body) into the row of one table. */
@FunctionalInterface
public interface LineMapper<R> {

    MappedLine<R> map(byte[] line);
}
