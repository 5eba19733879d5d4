package dev.weblogs.dashboard.query;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import dev.weblogs.dashboard.model.LogModel;
import dev.weblogs.dashboard.model.LogRow;
import dev.weblogs.dashboard.model.UserAgents;
import dev.weblogs.dashboard.support.Row;
import dev.weblogs.dashboard.support.TrafficGenerator;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The whole table's figures, kept as rows come, change and go, against a pass over the rows of the same frame:
 * every panel, the overview's totals and bounds, the timeline and the heat map.
 */
class WholeTableTest {

    private static final LocalDateTime END = LocalDateTime.of(2024, 5, 20, 12, 0);

    @Test
    void theKeptFiguresEqualAPassOverTheRowsAfterAppendsUpdatesAndDeletes() {
        List<LogRow> rows = new ArrayList<>();
        for (Row row : new TrafficGenerator(11, 400).rows(6000, END.minusDays(12), END)) {
            rows.add(QueriesTest.logRow(rows.size() + 1, row));
        }
        LogModel model = new LogModel();
        model.apply(rows.subList(0, 4000), List.of());
        assertSameAsAPass(model, "after the load");
        model.apply(rows.subList(4000, 6000), List.of());
        assertSameAsAPass(model, "after appends");

        LogRow first = rows.get(0);
        LogRow last = rows.get(rows.size() - 1);
        model.apply(List.of(with(rows.get(10), rows.get(10).ip(), rows.get(10).country(), 2),
                with(rows.get(20), rows.get(20).ip(), rows.get(20).country(), 7),
                with(rows.get(30), "10.9.9.9", "Peru", 1),
                with(rows.get(40), rows.get(40).ip(), rows.get(40).country(), 0),
                with(last, last.ip(), last.country(), last.occurrences() + 1)), List.of());
        assertSameAsAPass(model, "after repeated lines, a relocated one and one at 0 occurrences");
        model.apply(List.of(), List.of(first.id(), last.id(), rows.get(50).id()));
        assertSameAsAPass(model, "after deleting the earliest and the latest row");
        model.apply(List.of(first, last), List.of(rows.get(3000).id()));
        assertSameAsAPass(model, "after rows came back from clean-log-rejected");

        LogModel.Unresolved asked = model.unresolved(100);
        List<UserAgents.Agent> agents = new ArrayList<>();
        for (int i = 0; i < asked.agents().size(); i++) {
            // Several agents of one browser: an IP seen with two of them counts once.
            agents.add(new UserAgents.Agent("Browser " + i % 3, "OS " + i % 2));
        }
        model.resolved(asked, agents);
        assertSameAsAPass(model, "after the user agents were resolved");
    }

    @Test
    void aTableOfAFewHoursHasItsMinuteTimelineFromThePass() {
        LogModel model = new LogModel();
        List<LogRow> rows = new ArrayList<>();
        for (Row row : new TrafficGenerator(3, 50).rows(300, END.minusHours(3), END)) {
            rows.add(QueriesTest.logRow(rows.size() + 1, row));
        }
        model.apply(rows, List.of());
        model.markReady();
        View view = ViewParser.parse(Map.of(), 0);
        model.read(frame -> {
            assertNull(WholeTable.timeline(frame, view), "hours are too coarse for minutes");
            return null;
        });
        assertEquals("minute", new Queries(model).timeline(view).bucket());
        assertEquals(rows.stream().mapToLong(LogRow::occurrences).sum(),
                new Queries(model).overview(view).current().requests());
    }

    private static void assertSameAsAPass(LogModel model, String when) {
        View view = ViewParser.parse(Map.of(), 0);
        model.read(frame -> {
            Selection all = Selection.of(frame, TimeWindow.ALL, List.of());
            for (Panel panel : Panel.values()) {
                if (panel.implied().isEmpty()) {
                    for (int limit : new int[] {10, Integer.MAX_VALUE}) {
                        assertEquals(PanelQuery.run(frame, panel, all, null, limit), WholeTable.panel(frame, panel,
                                limit), panel.key() + " " + limit + " " + when);
                    }
                }
            }
            assertEquals(Totals.of(frame, all), WholeTable.totals(frame), "totals " + when);
            assertEquals(all.minTime(), frame.whole().first(), "earliest " + when);
            assertEquals(all.maxTime(), frame.whole().last(), "latest " + when);
            assertSameTimeline(Timeline.of(frame, view, all, null), WholeTable.timeline(frame, view), when);
            assertArrayEquals(HeatMap.of(frame, all).requests(), WholeTable.heatMap(frame).requests(),
                    "heat map " + when);
            return null;
        });
    }

    private static void assertSameTimeline(Timeline expected, Timeline actual, String when) {
        assertEquals(List.of(expected.bucket(), expected.step(), expected.start()),
                List.of(actual.bucket(), actual.step(), actual.start()), "buckets " + when);
        assertArrayEquals(expected.requests(), actual.requests(), "timeline " + when);
        assertArrayEquals(expected.bytes(), actual.bytes(), "bandwidth " + when);
    }

    private static LogRow with(LogRow r, String ip, String country, int occurrences) {
        return new LogRow(r.seq(), r.id(), r.time(), ip, country, r.city(), r.user(), r.emailDomain(), r.method(),
                r.target(), r.host(), r.version(), r.status(), r.reason(), r.sizeBytes(), r.referrer(), r.userAgent(),
                occurrences);
    }
}
