package dev.weblogs.source;

import dev.weblogs.lifecycle.Stop;
import java.io.IOException;
import java.io.InputStream;
import java.util.Collection;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Reads a {@link StreamedLog} once to its end, each line to a {@link LogTail.Handler}. Content an earlier run
 * read already (the same lines under another name: {@code access.log.1} before it was compressed to
 * {@code access.log.2.gz}, or this file itself, interrupted) is recognised by its checkpoint and skipped, so
 * that history is shipped once however often it is rotated.
 */
public final class StreamReading {

    /** Opens the log anew, at its first byte. */
    public interface Opener {
        StreamedLog open() throws IOException;
    }

    private static final Logger log = LoggerFactory.getLogger(StreamReading.class);

    private final String name;
    private final Opener opener;
    private final Stop stop;
    private final LogTail.Handler handler;
    private long skipped;

    public StreamReading(String name, Opener opener, Stop stop, LogTail.Handler handler) {
        this.name = name;
        this.opener = opener;
        this.stop = stop;
        this.handler = handler;
    }

    /**
     * Reads the lines after the furthest of the {@code known} checkpoints that describes this content (all of
     * them when none does), until the end or a stop request.
     */
    public void run(Collection<Checkpoint> known) throws IOException {
        Checkpoint after = known.isEmpty() ? null : ResumePoint.furthestHeld(head(), Long.MAX_VALUE, known);
        if (after != null) {
            log.info("{} holds what an earlier run read: continuing after byte {}", name, after.position());
            if (read(after)) {
                return;
            }
            log.warn("{} starts like what an earlier run read but goes on otherwise: reading it whole", name);
        }
        read(null);
    }

    /** Lines longer than the limit, skipped. */
    public long skipped() {
        return skipped;
    }

    private byte[] head() throws IOException {
        try (StreamedLog file = opener.open(); InputStream in = file.stream()) {
            return in.readNBytes(FileHead.LENGTH);
        }
    }

    /** @return false when the content is not what {@code after} describes, before anything was handed over */
    private boolean read(Checkpoint after) throws IOException {
        try (StreamedLog file = opener.open(); LineReader reader = LineReader.fromStart(file.stream())) {
            if (after != null && !skipTo(reader, after)) {
                return false;
            }
            handler.opened(file, reader);
            for (Line line = reader.next(true); line != null && !stop.isRequested(); line = reader.next(true)) {
                handler.line(line);
            }
            skipped += reader.skipped();
            if (!stop.isRequested()) {
                handler.finished(file);
            }
            return true;
        }
    }

    /** Reads past what {@code after} covers; whether the content there is what it was. */
    private boolean skipTo(LineReader reader, Checkpoint after) throws IOException {
        while (reader.position() < after.position()) {
            stop.check("skipping what was read before");
            if (reader.next(true) == null) {
                return false;
            }
        }
        return reader.position() == after.position()
                && (after.prefixHash() == null || after.prefixHash() == reader.hash());
    }
}
