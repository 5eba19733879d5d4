package dev.weblogs.dashboard.web;

import dev.weblogs.dashboard.model.LogModel;
import dev.weblogs.dashboard.query.LineRef;
import dev.weblogs.dashboard.query.Panel;
import dev.weblogs.dashboard.query.PanelResult;
import dev.weblogs.dashboard.query.Queries;
import dev.weblogs.dashboard.query.View;
import dev.weblogs.dashboard.query.ViewParser;
import dev.weblogs.dashboard.store.Follower;
import dev.weblogs.dashboard.store.RawLines;
import dev.weblogs.dashboard.store.Rejections;
import io.javalin.http.Context;
import io.javalin.http.HttpStatus;
import java.io.IOException;
import java.sql.SQLException;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The JSON the page reads: one endpoint per part of the page, each taking the view from the query string. */
final class Api {

    private static final int DEFAULT_ROWS = 10;
    private static final int MAX_ROWS = 1000;
    private static final int LINES_PER_PAGE = 50;

    /** One row of the drill-down: the clean row's figures and its raw line. */
    record Line(LineRef row, RawLines.RawLine raw) {
    }

    /** A page of the drill-down, and the cursor of the next, or {@code null} when this was the last. */
    record Lines(List<Line> lines, String next) {
    }

    private final LogModel model;
    private final Queries queries;
    private final Follower follower;
    private final RawLines rawLines;
    private final Rejections rejections;

    Api(LogModel model, Follower follower, RawLines rawLines, Rejections rejections) {
        this.model = model;
        this.queries = new Queries(model);
        this.follower = follower;
        this.rawLines = rawLines;
        this.rejections = rejections;
    }

    void status(Context ctx) {
        Map<String, Object> status = new LinkedHashMap<>();
        status.put("ready", model.isReady());
        status.put("version", model.read(frame -> frame.version()));
        status.put("loaded", follower.progress().loaded());
        status.put("expected", follower.progress().expected());
        status.put("database", follower.status());
        status.put("unresolvedAgents", model.read(frame -> frame.unresolved()));
        status.put("now", System.currentTimeMillis() / 1000);
        ctx.json(status);
    }

    void panels(Context ctx) {
        ctx.json(Arrays.stream(Panel.values()).map(panel -> Map.of("key", panel.key(), "title", panel.title(),
                "field", panel.field().key())).toList());
    }

    void overview(Context ctx) {
        ctx.json(queries.overview(view(ctx)));
    }

    void timeline(Context ctx) {
        ctx.json(queries.timeline(view(ctx)));
    }

    void heatMap(Context ctx) {
        ctx.json(queries.heatMap(view(ctx)));
    }

    void panel(Context ctx) {
        ctx.json(queries.panel(panelOf(ctx), view(ctx), rows(ctx)));
    }

    void csv(Context ctx) throws IOException {
        Panel panel = panelOf(ctx);
        View view = view(ctx);
        PanelResult all = queries.panel(panel, view, Integer.MAX_VALUE);
        ctx.contentType("text/csv; charset=utf-8");
        ctx.header("Content-Disposition", "attachment; filename=\"" + panel.key() + ".csv\"");
        ctx.result(CsvExport.of(all, view.previous() != null));
    }

    void rejected(Context ctx) throws SQLException {
        View view = view(ctx);
        Long from = view.window().from() == Long.MIN_VALUE ? null : view.window().from();
        Long to = view.window().to() == Long.MAX_VALUE ? null : view.window().to();
        ctx.json(rejections.summary(from, to));
    }

    void lines(Context ctx) throws SQLException {
        View view = view(ctx);
        int limit = Math.min(number(ctx, "limit", LINES_PER_PAGE), 500);
        List<LineRef> rows = queries.lines(view, ctx.queryParam("before"), limit);
        Map<String, RawLines.RawLine> raw = rawLines.find(rows.stream().map(LineRef::id).toList());
        List<Line> lines = rows.stream().map(row -> new Line(row, raw.get(row.id()))).toList();
        ctx.json(new Lines(lines, rows.size() == limit ? rows.get(rows.size() - 1).cursor() : null));
    }

    void health(Context ctx) {
        boolean database = follower.status().up();
        boolean loaded = model.isReady();
        Map<String, Object> health = new LinkedHashMap<>();
        health.put("status", database && loaded ? "UP" : "DOWN");
        health.put("database", database ? "UP" : "DOWN");
        health.put("model", loaded ? "UP" : "DOWN");
        if (!database) {
            health.put("problem", follower.status().problem());
        }
        ctx.status(database && loaded ? HttpStatus.OK : HttpStatus.SERVICE_UNAVAILABLE).json(health);
    }

    /** Every query of the model first: while it loads there is nothing true to show. */
    void requireReady(Context ctx) {
        if (!model.isReady()) {
            throw new NotReady();
        }
    }

    /** The model is still loading: the page shows progress from {@code /api/status} instead. */
    static final class NotReady extends RuntimeException {
        NotReady() {
            super("the dashboard is still loading clean-log", null, false, false);
        }
    }

    private static View view(Context ctx) {
        return ViewParser.parse(ctx.queryParamMap(), System.currentTimeMillis() / 1000);
    }

    private static Panel panelOf(Context ctx) {
        String key = ctx.pathParam("panel");
        return Panel.byKey(key).orElseThrow(() -> new IllegalArgumentException("no panel '" + key + "'"));
    }

    private static int rows(Context ctx) {
        return Math.max(1, Math.min(MAX_ROWS, number(ctx, "limit", DEFAULT_ROWS)));
    }

    private static int number(Context ctx, String name, int otherwise) {
        String value = ctx.queryParam(name);
        try {
            return value == null ? otherwise : Integer.parseInt(value);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(name + " must be a whole number, not '" + value + "'");
        }
    }
}
