package dev.weblogs.dashboard.bench;

import dev.weblogs.dashboard.support.Row;
import dev.weblogs.dashboard.support.Tables;
import dev.weblogs.dashboard.support.TrafficGenerator;
import java.sql.Connection;
import java.sql.DriverManager;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.List;

/**
 * A database to look at the page with, as the pipeline would have filled it: clean-log and raw-log rows of a
 * week of generated traffic, a few lines set aside. {@code ShowcaseData <jdbc-url> <user> <password> [rows]}
 */
public final class ShowcaseData {

    private ShowcaseData() {
    }

    public static void main(String[] args) throws Exception {
        int count = args.length > 3 ? Integer.parseInt(args[3]) : 40_000;
        String url = args[0] + (args[0].contains("?") ? "&" : "?") + "createDatabaseIfNotExist=true&rewriteBatchedStatements=true";
        LocalDateTime now = LocalDateTime.now(ZoneOffset.UTC).withNano(0);
        List<Row> rows = new TrafficGenerator(1, 4000).rows(count, now.minusDays(14), now.minusSeconds(30));
        try (Connection connection = DriverManager.getConnection(url, args[1], args[2])) {
            Tables.create(connection);
            for (int from = 0; from < rows.size(); from += 2000) {
                Tables.insert(connection, rows.subList(from, Math.min(rows.size(), from + 2000)));
            }
            for (int i = 0; i < 12; i++) {
                Tables.reject(connection, rows.get(i * 97).id(), i % 3 == 0 ? "no request line" : "unreadable time");
            }
        }
    }
}
