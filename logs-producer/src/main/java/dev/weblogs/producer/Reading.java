package dev.weblogs.producer;

import dev.weblogs.lifecycle.Stop;
import dev.weblogs.source.Checkpoint;
import dev.weblogs.source.LogTail;
import dev.weblogs.source.ResumePoint;
import dev.weblogs.source.StreamReading;
import dev.weblogs.source.StreamedLog;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;
import java.util.Collection;

/** How a shipper's lines are read: a file followed at its path, or a log read once (a .gz, standard input). */
interface Reading {

    /** Hands every line to {@code handler}, until the end or a stop request. */
    void run(LogTail.Handler handler) throws IOException;

    /** Overlong lines skipped, so far. */
    long skipped();

    /** {@code path} from {@code start}, and with {@code follow} as it grows, across rotation. */
    static Reading followed(Path path, ResumePoint start, boolean follow, Stop stop) {
        return new Reading() {
            private LogTail tail;

            @Override
            public void run(LogTail.Handler handler) throws IOException {
                try (LogTail opened = new LogTail(path, follow, stop, handler)) {
                    tail = opened;
                    opened.run(start);
                }
            }

            @Override
            public long skipped() {
                return tail == null ? 0 : tail.skipped();
            }
        };
    }

    /** A .gz file, decompressed, after what the {@code known} checkpoints say was read of its content. */
    static Reading compressed(Path path, Collection<Checkpoint> known, Stop stop) {
        return once(path.toString(), () -> StreamedLog.gzip(path), known, stop);
    }

    /** Standard input, to its end. */
    static Reading standardInput(InputStream in, Stop stop) {
        return once("standard input", () -> StreamedLog.of(in), java.util.List.of(), stop);
    }

    private static Reading once(String name, StreamReading.Opener opener, Collection<Checkpoint> known, Stop stop) {
        return new Reading() {
            private StreamReading reading;

            @Override
            public void run(LogTail.Handler handler) throws IOException {
                reading = new StreamReading(name, opener, stop, handler);
                reading.run(known);
            }

            @Override
            public long skipped() {
                return reading == null ? 0 : reading.skipped();
            }
        };
    }
}
