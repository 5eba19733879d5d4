package dev.weblogs.dashboard;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.weblogs.dashboard.support.ReadOnlyUser;
import dev.weblogs.dashboard.support.Row;
import dev.weblogs.dashboard.support.RunningDashboard;
import dev.weblogs.dashboard.support.SqlReference;
import dev.weblogs.dashboard.support.SqlReference.Figures;
import dev.weblogs.dashboard.support.SqlReference.Where;
import dev.weblogs.dashboard.support.Tables;
import dev.weblogs.dashboard.support.TrafficGenerator;
import dev.weblogs.testing.Eventually;
import dev.weblogs.testing.TestDatabase;
import dev.weblogs.testing.TestServices;
import java.net.http.HttpResponse;
import java.sql.Connection;
import java.time.Duration;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The dashboard against MariaDB or MySQL, as a user that may only SELECT: every panel, with filters, ranges and
 * comparison, equals SQL over the same rows, also after the writers repeated, relocated and set aside rows and
 * inserted new ones while it ran (a redelivered line and a line written three times included).
 */
class DashboardIT {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final LocalDateTime END = LocalDateTime.now(ZoneOffset.UTC).truncatedTo(ChronoUnit.MINUTES);
    private static final long NOW = END.toEpochSecond(ZoneOffset.UTC);

    private record Case(String query, Where where, Where previous) {
    }

    @Test
    void everyFigureEqualsSqlOverCleanLogWhileTheWritersChangeIt() throws Exception {
        try (TestDatabase database = TestServices.get().newDatabase(); Connection sql = database.connect();
             ReadOnlyUser reader = ReadOnlyUser.create(database)) {
            Tables.create(sql);
            List<Row> rows = new ArrayList<>(new TrafficGenerator(3, 400).rows(2500, END.minusDays(3), END.minusMinutes(1)));
            Row tripled = Row.of(END.minusHours(3), "198.51.100.7", "https://shop.example.com:443/cart?item=\"7\"", 200)
                    .withPlace("Colombia", "Medellín").withOccurrences(3).withAgent("https://Example.ORG/x", "curl/8.4.0");
            rows.add(tripled);
            Tables.insert(sql, rows);
            Tables.insert(sql, List.of(rows.get(5), rows.get(6)));
            try (RunningDashboard dashboard = RunningDashboard.start(reader.url(), reader.name(), reader.password())) {
                Tables.insert(sql, new TrafficGenerator(4, 400).rows(60, END.minusSeconds(50), END.minusSeconds(5)));
                Tables.repeat(sql, rows.get(10).id());
                Tables.repeat(sql, tripled.id());
                Tables.relocate(sql, rows.get(20).id(), "Peru");
                Tables.reject(sql, rows.get(30).id(), "rebuild: unreadable time");
                Map<String, Figures> expected = SqlReference.panel(sql, "country", Where.all());
                Map<String, Figures> shown = Eventually.poll(Duration.ofSeconds(20),
                        () -> figures(get(dashboard, "/api/view/panels/countries?limit=1000")), expected::equals);
                assertEquals(expected, shown, "the dashboard follows inserts, updates and deletes");
                Eventually.poll(Duration.ofSeconds(120), () -> get(dashboard, "/api/status").get("unresolvedAgents").asInt(),
                        pending -> pending == 0);
                for (Case view : cases()) {
                    compare(dashboard, sql, view);
                }
                checkRejected(dashboard, sql);
                checkLines(dashboard, sql);
                checkCsv(dashboard, sql);
                assertEquals(200, dashboard.get("/health").statusCode());
            }
        }
    }

    private static List<Case> cases() {
        LocalDateTime from = END.minusHours(40);
        LocalDateTime to = END.minusHours(10);
        return List.of(
                new Case("range=all", Where.all(), null),
                new Case("range=24h&compare=1&now=" + NOW, Where.all().and("`timestamp` >= ?", END.minusHours(24)),
                        Where.all().and("`timestamp` >= ? AND `timestamp` < ?", END.minusHours(48), END.minusHours(24))),
                new Case("from=" + from + ":00Z&to=" + to + ":00Z&compare=1",
                        Where.all().and("`timestamp` >= ? AND `timestamp` < ?", from, to),
                        Where.all().and("`timestamp` >= ? AND `timestamp` < ?", from.minusHours(30), from)),
                new Case("country=Colombia", Where.all().and("`country` <=> 'Colombia'"), null),
                new Case("-status=200&city=Tokyo&city=",
                        Where.all().and("NOT (`status` <=> 200)").and("`city` <=> 'Tokyo' OR `city` IS NULL"), null),
                new Case("class=4xx&hour=3", Where.all().and("`status` BETWEEN 400 AND 499").and("HOUR(`timestamp`) = 3"),
                        null),
                new Case("method=POST&weekday=2&range=24h&now=" + NOW, Where.all().and("`rest_method` = 'POST'")
                        .and("WEEKDAY(`timestamp`) = 1").and("`timestamp` >= ?", END.minusHours(24)), null));
    }

    private static void compare(RunningDashboard dashboard, Connection sql, Case view) throws Exception {
        JsonNode overview = get(dashboard, "/api/view/overview?" + view.query());
        Figures total = SqlReference.totals(sql, view.where());
        assertEquals(total, new Figures(overview.at("/current/requests").asLong(), overview.at("/current/ips").asLong(),
                overview.at("/current/bytes").asLong()), "overview " + view.query());
        if (view.previous() != null) {
            assertEquals(SqlReference.totals(sql, view.previous()).hits(), overview.at("/previous/requests").asLong(),
                    "previous period " + view.query());
        }
        long timeline = 0;
        for (JsonNode series : get(dashboard, "/api/view/timeline?" + view.query()).get("requests")) {
            for (JsonNode bucket : series) {
                timeline += bucket.asLong();
            }
        }
        assertEquals(total.hits(), timeline, "timeline " + view.query());
        for (JsonNode panel : get(dashboard, "/api/panels")) {
            String key = panel.get("key").asText();
            String field = panel.get("field").asText();
            Where where = key.equals("not_found") ? view.where().and("`status` = 404") : view.where();
            JsonNode result = get(dashboard, "/api/view/panels/" + key + "?limit=1000&" + view.query());
            assertRanked(SqlReference.panel(sql, field, where), result, key + " " + view.query());
            if (view.previous() != null) {
                Where before = key.equals("not_found") ? view.previous().and("`status` = 404") : view.previous();
                Map<String, Figures> previous = SqlReference.panel(sql, field, before);
                for (JsonNode row : result.get("rows")) {
                    String value = row.get("value").isNull() ? null : row.get("value").asText();
                    assertEquals(previous.getOrDefault(value, new Figures(0, 0, 0)), figuresOf(row.get("previous")),
                            key + " previous " + value + " " + view.query());
                }
            }
        }
    }

    private static void checkRejected(RunningDashboard dashboard, Connection sql) throws Exception {
        JsonNode rejected = get(dashboard, "/api/view/rejected?range=all");
        assertEquals(1, rejected.get("lines").asLong());
        assertEquals("rebuild: unreadable time", rejected.at("/reasons/0/reason").asText());
    }

    private static void checkLines(RunningDashboard dashboard, Connection sql) throws Exception {
        List<String> shown = new ArrayList<>();
        String query = "/api/view/lines?country=Colombia&limit=7";
        JsonNode page = get(dashboard, query);
        while (true) {
            for (JsonNode line : page.get("lines")) {
                shown.add(line.at("/row/id").asText() + " " + line.at("/raw/log").asText());
            }
            if (page.get("next").isNull() || shown.size() >= 21) {
                break;
            }
            page = get(dashboard, query + "&before=" + page.get("next").asText());
        }
        List<String> expected = new ArrayList<>();
        try (var statement = sql.createStatement(); var result = statement.executeQuery("SELECT c.`id`, r.`log`"
                + " FROM `clean-log` c JOIN `raw-log` r ON r.`id` = c.`id` WHERE c.`country` = 'Colombia'"
                + " ORDER BY c.`timestamp` DESC LIMIT 21")) {
            while (result.next()) {
                expected.add(result.getString(1) + " " + result.getString(2));
            }
        }
        assertEquals(expected.size(), shown.size());
        // Rows of the same second may come in either order; the pages hold the same lines, newest first.
        assertEquals(new java.util.HashSet<>(expected), new java.util.HashSet<>(shown));
        assertFalse(shown.stream().anyMatch(line -> line.endsWith(" ")), "every line has its raw text");
    }

    private static void checkCsv(RunningDashboard dashboard, Connection sql) throws Exception {
        HttpResponse<String> csv = dashboard.get("/api/view/panels/status/csv?range=24h&compare=1&now=" + NOW);
        assertEquals(200, csv.statusCode());
        String[] lines = csv.body().strip().split("\n");
        assertEquals("status,label,hits,distinct_ips,bytes,previous_hits,previous_distinct_ips,previous_bytes", lines[0]);
        Map<String, Figures> expected = SqlReference.panel(sql, "status", Where.all().and("`timestamp` >= ?",
                END.minusHours(24)));
        assertEquals(expected.size(), lines.length - 1);
        for (int i = 1; i < lines.length; i++) {
            String[] cells = lines[i].split(",");
            assertEquals(expected.get(cells[0]), new Figures(Long.parseLong(cells[2]), Long.parseLong(cells[3]),
                    Long.parseLong(cells[4])), lines[i]);
        }
        assertTrue(csv.headers().firstValue("Content-Disposition").orElse("").contains("status.csv"));
    }

    /**
     * A panel shows at most 1000 rows: those must be SQL's figures for their values, and be the values with the
     * most hits; the count of values is SQL's too.
     */
    private static void assertRanked(Map<String, Figures> expected, JsonNode result, String what) {
        Map<String, Figures> shown = figures(result);
        assertEquals(expected.size(), result.get("groups").asInt(), what + " values");
        if (shown.size() == expected.size()) {
            assertSame(expected, shown, what);
            return;
        }
        Map<String, Figures> same = new HashMap<>(expected);
        same.keySet().retainAll(shown.keySet());
        assertSame(same, shown, what);
        long least = shown.values().stream().mapToLong(Figures::hits).min().orElse(0);
        assertTrue(expected.entrySet().stream().filter(e -> !shown.containsKey(e.getKey()))
                .allMatch(e -> e.getValue().hits() <= least), what + " shows the values with the most hits");
    }

    /** Map equality that names only the values that differ, since a panel has thousands. */
    private static void assertSame(Map<String, Figures> expected, Map<String, Figures> actual, String what) {
        Map<String, String> differences = new java.util.TreeMap<>();
        java.util.Set<String> keys = new java.util.HashSet<>(expected.keySet());
        keys.addAll(actual.keySet());
        for (String key : keys) {
            if (!java.util.Objects.equals(expected.get(key), actual.get(key))) {
                differences.put(String.valueOf(key), "SQL " + expected.get(key) + ", dashboard " + actual.get(key));
            }
        }
        assertTrue(differences.isEmpty(), what + ": " + differences);
    }

    private static JsonNode get(RunningDashboard dashboard, String path) throws Exception {
        HttpResponse<String> response = dashboard.get(path);
        assertEquals(200, response.statusCode(), path + ": " + response.body());
        return JSON.readTree(response.body());
    }

    private static Map<String, Figures> figures(JsonNode panel) {
        Map<String, Figures> figures = new HashMap<>();
        for (JsonNode row : panel.get("rows")) {
            figures.put(row.get("value").isNull() ? null : row.get("value").asText(), figuresOf(row));
        }
        return figures;
    }

    private static Figures figuresOf(JsonNode row) {
        return new Figures(row.get("hits").asLong(), row.get("ips").asLong(), row.get("bytes").asLong());
    }
}
