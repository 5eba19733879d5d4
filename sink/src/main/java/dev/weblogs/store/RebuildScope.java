package dev.weblogs.store;

import java.time.LocalDate;

/**
 * Which lines of raw-log a rebuild reads.
 *
 * @param rejectedOnly only the lines in clean-log-rejected (after a parser fix)
 * @param since        only the lines written on or after this day, in the line's own time; {@code null} for all
 */
public record RebuildScope(boolean rejectedOnly, LocalDate since) {

    /** As kept with the rebuild's progress, so that only the same rebuild is resumed. */
    String describe() {
        return (rejectedOnly ? "rejected" : "all") + (since == null ? "" : " since " + since);
    }

    /** Whether a page holds every raw-log id from its first to its last. */
    boolean consecutive() {
        return !rejectedOnly && since == null;
    }

    /** The raw-log rows of the scope after {@code :after}, in id order: id, log, occurrences, occurrence_key. */
    String pageQuery() {
        String since = this.since == null ? "" : " AND r.`timestamp` >= :since";
        return rejectedOnly
                ? "SELECT r.id, r.log, r.occurrences, r.occurrence_key FROM `clean-log-rejected` j JOIN `raw-log` r"
                        + " ON r.id = j.id WHERE j.id > :after" + since + " ORDER BY j.id LIMIT :size"
                : "SELECT r.id, r.log, r.occurrences, r.occurrence_key FROM `raw-log` r WHERE r.id > :after" + since
                        + " ORDER BY r.id LIMIT :size";
    }

    /** How many rows the scope holds. */
    String countQuery() {
        String since = this.since == null ? "" : " AND r.`timestamp` >= :since";
        return rejectedOnly
                ? "SELECT COUNT(*) FROM `clean-log-rejected` j JOIN `raw-log` r ON r.id = j.id WHERE TRUE" + since
                : "SELECT COUNT(*) FROM `raw-log` r WHERE TRUE" + since;
    }
}
