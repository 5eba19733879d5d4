package dev.weblogs.store;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.hibernate.StatelessSession;

/**
 * Counts every physical line once, however often it is delivered. A row keeps the occurrence key of the line
 * that first stored it; a line with the same bytes and another key is a repeat (the server wrote it twice),
 * recorded once in the repeats table; a row's {@code occurrences} is 1 plus its repeats. A redelivery carries
 * a key already known and changes nothing. A row stored without a key (by an earlier version, or another
 * publisher) takes the first key that comes for it, without counting it twice.
 *
 * <p>Runs in the batch's transaction after its rows were inserted, when every row of the batch is locked by
 * that transaction: a concurrent consumer recording a repeat of the same line waits for it, so counts are exact
 * with competing consumers too.
 */
final class Occurrences {

    private final String table;
    private final String repeats;
    private final String changes;

    Occurrences(String table, String repeats, String changes) {
        this.table = table;
        this.repeats = repeats;
        this.changes = changes;
    }

    /**
     * @param keyed   the id and occurrence key of each line of the batch, in delivery order (key {@code null}
     *                for a line published without one)
     * @param written how many of the batch's rows were new: when all were, every line is a first occurrence
     */
    void record(StatelessSession session, List<String[]> keyed, int written) {
        if (written == keyed.size()) {
            return;
        }
        Set<String> ids = new LinkedHashSet<>();
        keyed.stream().filter(k -> k[1] != null).forEach(k -> ids.add(k[0]));
        if (ids.isEmpty()) {
            return;
        }
        Map<String, String> firstInBatch = new HashMap<>();
        for (String[] line : keyed) {
            if (!firstInBatch.containsKey(line[0])) { // the key may be null, which putIfAbsent would replace
                firstInBatch.put(line[0], line[1]);
            }
        }
        // As many new rows as distinct lines: none was stored before, and each row holds the key of its line's
        // first occurrence in the batch (the multi-row INSERT keeps the first of equal ids), so a repeat within
        // the batch, the usual kind, costs no look-up. A batch the driver split across packets counts only its
        // last part, fewer than that, and is looked up.
        Map<String, String> stored = written == firstInBatch.size() ? firstInBatch : storedKeys(session, ids);
        Map<String, String> adopted = new HashMap<>();
        List<String[]> repeated = new ArrayList<>();
        for (String[] line : keyed) {
            if (line[1] == null) {
                continue;
            }
            String first = stored.get(line[0]);
            if (first == null) {
                stored.put(line[0], line[1]);
                adopted.put(line[0], line[1]);
            } else if (!first.equals(line[1])) {
                repeated.add(line);
            }
        }
        adopted.forEach((id, key) -> session.createNativeMutationQuery("UPDATE `" + table
                + "` SET occurrence_key = ?1 WHERE id = ?2 AND occurrence_key IS NULL")
                .setParameter(1, key).setParameter(2, id).executeUpdate());
        if (!repeated.isEmpty()) {
            count(session, repeated);
        }
    }

    private Map<String, String> storedKeys(StatelessSession session, Set<String> ids) {
        Map<String, String> stored = new HashMap<>();
        List<Object[]> rows = session.createNativeQuery("SELECT id, occurrence_key FROM `" + table
                + "` WHERE id IN (:ids)", Object[].class).setParameterList("ids", ids).getResultList();
        for (Object[] row : rows) {
            stored.put((String) row[0], (String) row[1]);
        }
        return stored;
    }

    /** Records the repeats (a repeat known already is ignored) and counts them into their rows. */
    private void count(StatelessSession session, List<String[]> repeated) {
        StringBuilder insert = new StringBuilder("INSERT INTO `" + repeats + "` (id, occurrence_key) VALUES ");
        for (int i = 0; i < repeated.size(); i++) {
            insert.append(i == 0 ? "" : ", ").append("(?").append(2 * i + 1).append(", ?").append(2 * i + 2).append(')');
        }
        // Not INSERT IGNORE, which would also turn a key too long into a silently truncated one.
        var query = session.createNativeMutationQuery(insert.append(" ON DUPLICATE KEY UPDATE id = id").toString());
        for (int i = 0; i < repeated.size(); i++) {
            query.setParameter(2 * i + 1, repeated.get(i)[0]).setParameter(2 * i + 2, repeated.get(i)[1]);
        }
        if (query.executeUpdate() == 0) {
            return;
        }
        Set<String> ids = new LinkedHashSet<>();
        repeated.forEach(r -> ids.add(r[0]));
        countRepeats(session, table, repeats, ids);
        if (changes != null) {
            Changes.record(session, changes, ids);
        }
    }

    /** Sets each row's count to what its repeats say: 1 plus the repeats recorded for it. */
    static void countRepeats(StatelessSession session, String table, String repeats, Set<String> ids) {
        session.createNativeMutationQuery("UPDATE `" + table + "` t SET occurrences = 1 + (SELECT COUNT(*) FROM `"
                + repeats + "` r WHERE r.id = t.id) WHERE t.id IN (:ids)").setParameterList("ids", ids).executeUpdate();
    }
}
