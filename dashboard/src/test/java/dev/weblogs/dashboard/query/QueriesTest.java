package dev.weblogs.dashboard.query;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.weblogs.dashboard.model.AgentResolver;
import dev.weblogs.dashboard.model.LogModel;
import dev.weblogs.dashboard.model.LogRow;
import dev.weblogs.dashboard.model.UserAgents;
import dev.weblogs.dashboard.support.Row;
import dev.weblogs.dashboard.support.TrafficGenerator;
import dev.weblogs.lifecycle.Stop;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Every panel, the overview, the timeline and the heat map of the model against {@link Reference}. */
class QueriesTest {

    private static final LocalDateTime END = LocalDateTime.of(2024, 5, 20, 12, 0);
    private static final long NOW = END.toEpochSecond(ZoneOffset.UTC);

    private static final List<Map<String, List<String>>> VIEWS = List.of(
            Map.of(),
            Map.of("range", List.of("24h"), "now", List.of(String.valueOf(NOW)), "compare", List.of("1")),
            Map.of("from", List.of("2024-05-17T06:30:00Z"), "to", List.of("2024-05-19T00:00:00Z"), "compare", List.of("1")),
            Map.of("country", List.of("Colombia")),
            Map.of("-status", List.of("200"), "city", List.of("Tokyo", "Berlin", "")),
            Map.of("browser", List.of("Chrome"), "class", List.of("4xx")),
            Map.of("hour", List.of("3", "4"), "weekday", List.of("2")),
            Map.of("country", List.of(""), "range", List.of("7d"), "now", List.of(String.valueOf(NOW))),
            Map.of("path", List.of("/docs/start"), "referrer", List.of("example.org")));

    private static final UserAgents AGENTS = new UserAgents();
    private static LogModel model;
    private static Queries queries;
    private static List<LogRow> rows;

    @BeforeAll
    static void load() {
        rows = new ArrayList<>();
        long seq = 1;
        for (Row row : new TrafficGenerator(7, 300).rows(4000, END.minusDays(10), END)) {
            rows.add(logRow(seq++, row));
        }
        rows.addAll(oddRows(seq));
        model = new LogModel();
        model.reset(0);
        model.apply(rows, List.of());
        new AgentResolver(model, AGENTS, new Stop()).resolveAll();
        model.markReady();
        queries = new Queries(model);
    }

    /** What real logs have and generated ones lack. */
    private static List<LogRow> oddRows(long seq) {
        LocalDateTime time = END.minusHours(2);
        return List.of(
                logRow(seq++, Row.of(time, "10.0.0.1", "https://App.Example.com:443/docs/start?x=\"1\"", 200)
                        .withAgent("HTTPS://Example.ORG:8443/a?b", "curl/8.0").withOccurrences(3)),
                logRow(seq++, Row.of(time, "10.0.0.2", "/docs/start#top", 499).withAgent("-weird-", null)),
                logRow(seq++, Row.of(time.minusDays(1), "2001:db8::1", "*", 200).withSize(0)),
                logRow(seq, Row.of(time, "10.0.0.3", "http://host.example", 404).withPlace("Colombia", null)));
    }

    static LogRow logRow(long seq, Row row) {
        return new LogRow(seq, row.id(), row.time().toEpochSecond(ZoneOffset.UTC), row.ip(), row.country(), row.city(),
                row.user(), row.emailDomain(), row.method(), row.url(), row.host(), row.version(), row.status(),
                row.reason(), row.size(), row.referrer(), row.userAgent(), row.occurrences());
    }

    @Test
    void everyPanelEqualsTheDirectComputationForEveryView() {
        for (Map<String, List<String>> query : VIEWS) {
            View view = ViewParser.parse(query, NOW);
            for (Panel panel : Panel.values()) {
                View narrowed = panel.implied().map(view::with).orElse(view);
                PanelResult result = queries.panel(panel, view, Integer.MAX_VALUE);
                String what = panel.key() + " " + query;
                Map<String, Reference.Figures> expected = Reference.panel(rows, panel.field(), narrowed.window(),
                        narrowed.filters());
                assertEquals(expected, figures(result), what);
                assertEquals(expected.size(), result.groups(), what);
                if (view.previous() != null) {
                    Map<String, Reference.Figures> before = Reference.panel(rows, panel.field(), narrowed.previous(),
                            narrowed.filters());
                    for (PanelRow row : result.rows()) {
                        Reference.Figures was = before.getOrDefault(row.value(), new Reference.Figures(0, 0, 0));
                        assertEquals(was, new Reference.Figures(row.previous().hits(), row.previous().ips(),
                                row.previous().bytes()), what + " previous " + row.value());
                    }
                }
            }
        }
    }

    @Test
    void aShortTableHoldsTheGroupsWithTheMostHits() {
        View view = ViewParser.parse(Map.of(), NOW);
        for (Panel panel : Panel.values()) {
            PanelResult all = queries.panel(panel, view, Integer.MAX_VALUE);
            PanelResult top = queries.panel(panel, view, 5);
            assertEquals(all.rows().subList(0, Math.min(5, all.rows().size())), top.rows(), panel.key());
            for (int i = 1; i < all.rows().size(); i++) {
                assertTrue(all.rows().get(i - 1).hits() >= all.rows().get(i).hits(), panel.key() + " is ranked");
            }
        }
    }

    @Test
    void overviewTimelineAndHeatMapAddUpToTheDirectTotals() {
        for (Map<String, List<String>> query : VIEWS) {
            View view = ViewParser.parse(query, NOW);
            Reference.Figures expected = Reference.totals(rows, view.window(), view.filters());
            Overview overview = queries.overview(view);
            assertEquals(expected, new Reference.Figures(overview.current().requests(), overview.current().ips(),
                    overview.current().bytes()), query.toString());
            Map<String, Reference.Figures> classes = Reference.panel(rows, Field.STATUS_CLASS, view.window(), view.filters());
            assertEquals(hitsOf(classes.get("4xx")), overview.current().clientErrors(), query + " 4xx");
            assertEquals(hitsOf(classes.get("5xx")), overview.current().serverErrors(), query + " 5xx");
            if (view.previous() != null) {
                assertEquals(Reference.totals(rows, view.previous(), view.filters()).hits(),
                        overview.previous().requests(), query + " previous");
            }
            Timeline timeline = queries.timeline(view);
            assertEquals(expected.hits(), Arrays.stream(timeline.requests()).flatMapToLong(Arrays::stream).sum(),
                    query + " timeline");
            assertEquals(expected.bytes(), Arrays.stream(timeline.bytes()).sum(), query + " timeline bytes");
            HeatMap heat = queries.heatMap(view);
            assertEquals(expected.hits(), Arrays.stream(heat.requests()).flatMapToLong(Arrays::stream).sum(),
                    query + " heat map");
        }
    }

    @Test
    void updatesAndDeletesChangeTheNumbersAsTheyChangeTheTable() {
        LogModel changing = new LogModel();
        changing.apply(rows, List.of());
        changing.markReady();
        Queries asked = new Queries(changing);
        List<LogRow> now = new ArrayList<>(rows);
        LogRow repeated = now.get(10);
        LogRow moved = now.get(11);
        LogRow deleted = now.get(12);
        List<LogRow> changed = List.of(withOccurrences(repeated, repeated.occurrences() + 1), relocated(moved, "Peru"));
        changing.apply(changed, List.of(deleted.id()));
        now.set(10, changed.get(0));
        now.set(11, changed.get(1));
        now.remove(12);
        View view = ViewParser.parse(Map.of(), NOW);
        assertEquals(Reference.panel(now, Field.COUNTRY, view.window(), view.filters()),
                figures(asked.panel(Panel.COUNTRIES, view, Integer.MAX_VALUE)));
        assertEquals(Reference.totals(now, view.window(), view.filters()).hits(), asked.overview(view).current().requests());
        changing.apply(List.of(deleted), List.of());
        assertEquals(Reference.totals(rows, view.window(), view.filters()).ips(), asked.overview(view).current().ips(),
                "a row back from clean-log-rejected counts again");
    }

    private static long hitsOf(Reference.Figures figures) {
        return figures == null ? 0 : figures.hits();
    }

    private static LogRow withOccurrences(LogRow r, int occurrences) {
        return new LogRow(r.seq(), r.id(), r.time(), r.ip(), r.country(), r.city(), r.user(), r.emailDomain(), r.method(),
                r.target(), r.host(), r.version(), r.status(), r.reason(), r.sizeBytes(), r.referrer(), r.userAgent(),
                occurrences);
    }

    private static LogRow relocated(LogRow r, String country) {
        return new LogRow(r.seq(), r.id(), r.time(), r.ip(), country, null, r.user(), r.emailDomain(), r.method(),
                r.target(), r.host(), r.version(), r.status(), r.reason(), r.sizeBytes(), r.referrer(), r.userAgent(),
                r.occurrences());
    }

    static Map<String, Reference.Figures> figures(PanelResult result) {
        Map<String, Reference.Figures> figures = new HashMap<>();
        result.rows().forEach(row -> figures.put(row.value(), new Reference.Figures(row.hits(), row.ips(), row.bytes())));
        return figures;
    }
}
