package dev.weblogs.store;

/**
 * What a rebuild did so far.
 *
 * @param read          raw-log rows read
 * @param changed       clean-log rows whose values changed, and rejected lines whose reason changed
 * @param newlyParsed   lines now in clean-log that were rejected or missing before
 * @param newlyRejected lines now in clean-log-rejected that were rows or missing before
 */
public record RebuildCounts(long read, long changed, long newlyParsed, long newlyRejected) {

    static final RebuildCounts NONE = new RebuildCounts(0, 0, 0, 0);

    RebuildCounts plus(RebuildCounts page) {
        return new RebuildCounts(read + page.read, changed + page.changed, newlyParsed + page.newlyParsed,
                newlyRejected + page.newlyRejected);
    }
}
