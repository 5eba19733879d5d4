package dev.weblogs.producer;

/** Shows a producer's progress while it runs. */
interface Progress extends AutoCloseable {

    /**
     * @param lines    lines published so far
     * @param position bytes of the file read so far
     * @param size     the file's size now
     */
    void update(long lines, long position, long size);

    @Override
    void close();
}
