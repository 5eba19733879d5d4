package dev.weblogs.cli;

/** Shows a long task's progress while it runs. */
public interface Progress extends AutoCloseable {

    /**
     * @param items what was done so far, in the task's items (lines published, rows read)
     * @param done  how far the task is, in its measure (bytes of a file, rows)
     * @param total where the measure ends, as far as known now
     */
    void update(long items, long done, long total);

    @Override
    void close();
}
