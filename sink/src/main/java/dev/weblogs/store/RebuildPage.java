package dev.weblogs.store;

import dev.weblogs.message.Rejection;
import dev.weblogs.row.CleanRow;
import dev.weblogs.transform.MappedLine;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.hibernate.StatelessSession;

/**
 * One page of a rebuild, in one transaction: each raw-log line parsed again, and the clean side made what the
 * consumer would write for it today. A row whose values changed is updated; a line that now parses moves from
 * clean-log-rejected to clean-log and the reverse, taking its occurrences along; a line the clean side never
 * had gets raw-log's repeats, and counts as the consumer counts: 1 plus its repeats. Rows the consumer counted
 * keep their counts.
 */
final class RebuildPage {

    /** A raw-log row as the rebuild reads it. */
    record RawLine(String id, String log, int occurrences, String occurrenceKey) {
    }

    private final Clock clock;

    private final List<Object> updated = new ArrayList<>();
    private final List<Object> newRows = new ArrayList<>();
    private final List<Object> newRejections = new ArrayList<>();
    private final Map<String, Integer> rowOccurrences = new HashMap<>();
    private final Map<String, Integer> rejectionOccurrences = new HashMap<>();
    /**
     * Lines the clean side never had that raw-log counts more than once, by the table they go to: their repeats
     * are copied, and they count 1 plus their repeats, as the consumer counts. A consumer storing the same line
     * meanwhile (its row is then kept) recorded its repeats in the same table: the count is of both.
     */
    private final Set<String> repeatedRows = new LinkedHashSet<>();
    private final Set<String> repeatedRejections = new LinkedHashSet<>();
    private final Set<String> removedRows = new LinkedHashSet<>();
    private final Set<String> removedRejections = new LinkedHashSet<>();
    private final Map<String, String> reasons = new HashMap<>();
    private long changed;
    private long newlyParsed;
    private long newlyRejected;

    RebuildPage(Clock clock) {
        this.clock = clock;
    }

    /** @param consecutive whether the lines are every raw-log line from the first to the last */
    RebuildCounts apply(StatelessSession session, List<PagesAhead.ParsedLine> lines, boolean consecutive) {
        List<String> ids = lines.stream().map(line -> line.raw().id()).toList();
        Map<String, CurrentRows.Clean> clean = new HashMap<>();
        Map<String, CurrentRows.Rejected> rejected = new HashMap<>();
        session.doWork(connection -> {
            clean.putAll(CurrentRows.clean(connection, ids, consecutive));
            rejected.putAll(CurrentRows.rejected(connection, ids, consecutive));
        });
        for (PagesAhead.ParsedLine parsed : lines) {
            RawLine line = parsed.raw();
            if (parsed.now() instanceof MappedLine.Row<CleanRow> row) {
                parsed(line, row.row(), clean.get(line.id()), rejected.get(line.id()));
            } else {
                rejected(line, ((MappedLine.Rejected<CleanRow>) parsed.now()).reason(), clean.get(line.id()),
                        rejected.get(line.id()));
            }
        }
        write(session);
        return new RebuildCounts(lines.size(), changed, newlyParsed, newlyRejected);
    }

    private void parsed(RawLine line, CleanRow row, CurrentRows.Clean clean, CurrentRows.Rejected rejected) {
        if (clean != null) {
            if (!clean.row().equals(row)) {
                updated.add(CleanLog.of(row, clean.occurrenceKey()));
                changed++;
            }
            if (rejected != null) {
                removedRejections.add(line.id());
            }
            return;
        }
        newRows.add(CleanLog.of(row, rejected != null ? rejected.occurrenceKey() : line.occurrenceKey()));
        if (rejected != null) {
            rowOccurrences.put(line.id(), rejected.occurrences());
            removedRejections.add(line.id());
        } else if (line.occurrences() > 1) {
            repeatedRows.add(line.id());
        }
        newlyParsed++;
    }

    private void rejected(RawLine line, String reason, CurrentRows.Clean clean, CurrentRows.Rejected rejected) {
        if (rejected != null) {
            if (!RejectedLine.shortened(reason).equals(rejected.reason())) {
                reasons.put(line.id(), RejectedLine.shortened(reason));
                changed++;
            }
            if (clean != null) {
                removedRows.add(line.id());
            }
            return;
        }
        String key = clean != null ? clean.occurrenceKey() : line.occurrenceKey();
        newRejections.add(RejectedLine.of(new Rejection(line.log().getBytes(StandardCharsets.UTF_8), reason, key),
                line.id(), clock));
        if (clean != null) {
            rejectionOccurrences.put(line.id(), clean.occurrences());
            removedRows.add(line.id());
        } else if (line.occurrences() > 1) {
            repeatedRejections.add(line.id());
        }
        newlyRejected++;
    }

    private void write(StatelessSession session) {
        delete(session, "clean-log", removedRows);
        delete(session, "clean-log-rejected", removedRejections);
        if (!newRows.isEmpty()) {
            session.insertMultiple(newRows);
        }
        if (!newRejections.isEmpty()) {
            session.insertMultiple(newRejections);
        }
        if (!updated.isEmpty()) {
            session.updateMultiple(updated);
        }
        setOccurrences(session, "clean-log", rowOccurrences);
        setOccurrences(session, "clean-log-rejected", rejectionOccurrences);
        Set<String> repeated = new LinkedHashSet<>(repeatedRows);
        repeated.addAll(repeatedRejections);
        if (!repeated.isEmpty()) {
            // The repeats raw-log counted, for rows the clean side never had.
            session.createNativeMutationQuery("INSERT IGNORE INTO `clean-log-repeats` (id, occurrence_key) SELECT id,"
                    + " occurrence_key FROM `raw-log-repeats` WHERE id IN (:ids)")
                    .setParameterList("ids", repeated).executeUpdate();
            if (!repeatedRows.isEmpty()) {
                Occurrences.countRepeats(session, CleanTables.CLEAN_LOG, CleanTables.REPEATS, repeatedRows);
            }
            if (!repeatedRejections.isEmpty()) {
                Occurrences.countRepeats(session, CleanTables.REJECTED, CleanTables.REPEATS, repeatedRejections);
            }
        }
        reasons.forEach((id, reason) -> session.createNativeMutationQuery("UPDATE `clean-log-rejected` SET reason = ?1"
                + " WHERE id = ?2").setParameter(1, reason).setParameter(2, id).executeUpdate());
        Set<String> changedRows = new LinkedHashSet<>(removedRows);
        updated.forEach(row -> changedRows.add(((CleanLog) row).id()));
        Changes.record(session, CleanTables.CHANGES, changedRows);
    }

    private static void delete(StatelessSession session, String table, Set<String> ids) {
        if (!ids.isEmpty()) {
            session.createNativeMutationQuery("DELETE FROM `" + table + "` WHERE id IN (:ids)")
                    .setParameterList("ids", ids).executeUpdate();
        }
    }

    private static void setOccurrences(StatelessSession session, String table, Map<String, Integer> occurrences) {
        occurrences.forEach((id, count) -> {
            if (count != 1) {
                session.createNativeMutationQuery("UPDATE `" + table + "` SET occurrences = ?1 WHERE id = ?2")
                        .setParameter(1, count).setParameter(2, id).executeUpdate();
            }
        });
    }
}
