package dev.weblogs.store;

import java.util.Collection;
import org.hibernate.StatelessSession;

/**
 * The change feed of a table: the ids of rows updated or deleted after their insert, for readers that follow
 * the table (the dashboard). New rows need no entry: their {@code seq} says they are new.
 */
final class Changes {

    private Changes() {
    }

    static void record(StatelessSession session, String changesTable, Collection<String> ids) {
        if (ids.isEmpty()) {
            return;
        }
        StringBuilder insert = new StringBuilder("INSERT INTO `" + changesTable + "` (id) VALUES ");
        for (int i = 1; i <= ids.size(); i++) {
            insert.append(i == 1 ? "" : ", ").append("(?").append(i).append(')');
        }
        var query = session.createNativeMutationQuery(insert.toString());
        int i = 1;
        for (String id : ids) {
            query.setParameter(i++, id);
        }
        query.executeUpdate();
    }
}
