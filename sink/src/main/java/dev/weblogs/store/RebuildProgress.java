package dev.weblogs.store;

import java.time.Clock;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.List;
import org.hibernate.StatelessSession;

/**
 * How far a rebuild is, in a table of its own and in the same transaction as each page, so that a rebuild
 * interrupted at any moment ({@code kill -9} included) continues exactly where its last page committed.
 */
final class RebuildProgress {

    /** Where a rebuild starts: after {@code lastId}, with the counts so far. */
    record State(String lastId, RebuildCounts counts, boolean resumed) {
    }

    private RebuildProgress() {
    }

    /** The unfinished rebuild of the same scope, to continue; otherwise a new one from the first line. */
    static State start(StatelessSession session, RebuildScope scope, Clock clock) {
        List<Object[]> rows = session.createNativeQuery("SELECT scope, last_id, rows_read, rows_changed, newly_parsed,"
                + " newly_rejected, finished_at FROM `clean-log-rebuild` WHERE name = 'rebuild' FOR UPDATE",
                Object[].class).getResultList();
        if (!rows.isEmpty() && scope.describe().equals(rows.get(0)[0]) && rows.get(0)[6] == null) {
            Object[] row = rows.get(0);
            return new State((String) row[1], new RebuildCounts(number(row[2]), number(row[3]), number(row[4]),
                    number(row[5])), true);
        }
        session.createNativeMutationQuery("REPLACE INTO `clean-log-rebuild` (name, scope, last_id, rows_read, rows_changed,"
                + " newly_parsed, newly_rejected, started_at, finished_at) VALUES ('rebuild', ?1, '', 0, 0, 0, 0, ?2, NULL)")
                .setParameter(1, scope.describe()).setParameter(2, now(clock)).executeUpdate();
        return new State("", RebuildCounts.NONE, false);
    }

    static void save(StatelessSession session, String lastId, RebuildCounts counts) {
        session.createNativeMutationQuery("UPDATE `clean-log-rebuild` SET last_id = ?1, rows_read = ?2, rows_changed = ?3,"
                + " newly_parsed = ?4, newly_rejected = ?5 WHERE name = 'rebuild'").setParameter(1, lastId)
                .setParameter(2, counts.read()).setParameter(3, counts.changed()).setParameter(4, counts.newlyParsed())
                .setParameter(5, counts.newlyRejected()).executeUpdate();
    }

    static void finish(StatelessSession session, Clock clock) {
        session.createNativeMutationQuery("UPDATE `clean-log-rebuild` SET finished_at = ?1 WHERE name = 'rebuild'")
                .setParameter(1, now(clock)).executeUpdate();
    }

    private static LocalDateTime now(Clock clock) {
        return LocalDateTime.now(clock.withZone(ZoneOffset.UTC)).withNano(0);
    }

    private static long number(Object value) {
        return ((Number) value).longValue();
    }
}
