package dev.weblogs.source;

import java.io.IOException;

/** A log being read, as the handler of its lines sees it: a file followed at its path, or one read once. */
public interface ReadableLog {

    /** The first bytes of its content, as read so far: what names that content in a checkpoint. */
    FileHead head();

    /** How far reading is, at line position {@code position}, in the file's own bytes (a .gz's compressed ones). */
    long bytesRead(long position);

    /** The file's size in that same measure, as far as known now. */
    long size() throws IOException;
}
