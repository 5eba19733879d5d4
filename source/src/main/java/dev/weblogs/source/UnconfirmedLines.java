package dev.weblogs.source;

import java.util.Map;
import java.util.concurrent.ConcurrentSkipListMap;

/**
 * The lines of one file handed to the broker and not yet confirmed, so that a checkpoint never passes a
 * line the broker has not taken. Lines are published by the reading thread and confirmed by another, in
 * any order.
 */
public final class UnconfirmedLines {

    /** Start of each unconfirmed line, to the content hash before it. */
    private final ConcurrentSkipListMap<Long, Long> lines = new ConcurrentSkipListMap<>();
    /** The line read last, when a stop or a refusal came before it could be published; else null. */
    private volatile Line notPublished;

    public void published(Line line) {
        lines.put(line.start(), line.prefixHash());
    }

    /** {@code line}, recorded as published, was not: nothing will confirm it, and the checkpoint stays before it. */
    public void notPublished(Line line) {
        notPublished = line;
        lines.remove(line.start());
    }

    public void confirmed(Line line) {
        lines.remove(line.start());
    }

    public boolean isEmpty() {
        return lines.isEmpty();
    }

    public int size() {
        return lines.size();
    }

    /**
     * The checkpoint of the file whose head is {@code head}: just before its first unconfirmed line, or at
     * {@code readPosition} (where reading stands, with the content hash there) when every line is confirmed.
     */
    public Checkpoint checkpoint(FileHead head, long readPosition, long readHash) {
        Map.Entry<Long, Long> first = lines.firstEntry();
        if (first != null) {
            return Checkpoint.of(head, first.getKey(), first.getValue());
        }
        Line unsent = notPublished;
        return unsent == null ? Checkpoint.of(head, readPosition, readHash)
                : Checkpoint.of(head, unsent.start(), unsent.prefixHash());
    }
}
