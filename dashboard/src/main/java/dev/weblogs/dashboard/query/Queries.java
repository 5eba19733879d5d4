package dev.weblogs.dashboard.query;

import dev.weblogs.dashboard.model.Frame;
import dev.weblogs.dashboard.model.LogModel;
import java.util.Arrays;
import java.util.List;

/**
 * Everything the page asks of the model. Each answer comes from one version of the rows. The view of the whole
 * table is answered from the figures the model keeps ({@link WholeTable}); for any other, the rows it keeps are
 * found once per version and shared by all its panels. Each answer is shared by all pages asking the same.
 */
public final class Queries {

    private record SelectionKey(TimeWindow window, List<Filter> filters) {
    }

    private record ResultKey(String kind, View view, int limit) {
    }

    private final LogModel model;
    /** Few: each holds an int per selected row. */
    private final VersionCache<SelectionKey, Selection> selections = new VersionCache<>(6);
    private final VersionCache<ResultKey, Object> results = new VersionCache<>(512);

    public Queries(LogModel model) {
        this.model = model;
    }

    public PanelResult panel(Panel panel, View view, int limit) {
        View narrowed = panel.implied().map(view::with).orElse(view);
        return cached("panel:" + panel.key(), narrowed, limit, frame -> WholeTable.covers(narrowed)
                ? WholeTable.panel(frame, panel, limit)
                : PanelQuery.run(frame, panel, select(frame, narrowed.window(), narrowed.filters()),
                        previous(frame, narrowed), limit));
    }

    public Overview overview(View view) {
        return cached("overview", view, 0, frame -> {
            if (WholeTable.covers(view)) {
                boolean empty = frame.whole().first() > frame.whole().last();
                return new Overview(frame.version(), view.range(), null, null, empty ? null : frame.whole().first(),
                        empty ? null : frame.whole().last(), WholeTable.totals(frame), null,
                        frame.live() == 0 ? null : frame.newest(), view.now(), frame.live());
            }
            Selection current = select(frame, view.window(), view.filters());
            Selection before = previous(frame, view);
            return new Overview(frame.version(), view.range(), bound(view.window().from()),
                    bound(view.window().to()), current.isEmpty() ? null : current.minTime(),
                    current.isEmpty() ? null : current.maxTime(), Totals.of(frame, current),
                    before == null ? null : Totals.of(frame, before),
                    frame.live() == 0 ? null : frame.newest(), view.now(), frame.live());
        });
    }

    public Timeline timeline(View view) {
        return cached("timeline", view, 0, frame -> {
            Timeline whole = WholeTable.covers(view) ? WholeTable.timeline(frame, view) : null;
            return whole != null ? whole : Timeline.of(frame, view, select(frame, view.window(), view.filters()),
                    previous(frame, view));
        });
    }

    public HeatMap heatMap(View view) {
        return cached("heatmap", view, 0, frame -> WholeTable.covers(view) ? WholeTable.heatMap(frame)
                : HeatMap.of(frame, select(frame, view.window(), view.filters())));
    }

    /** A page of the rows behind the view, newest first. */
    public List<LineRef> lines(View view, String cursor, int limit) {
        return model.read(frame -> NewestRows.page(frame, select(frame, view.window(), view.filters()), cursor,
                limit));
    }

    private Selection previous(Frame frame, View view) {
        return view.previous() == null ? null : select(frame, view.previous(), view.filters());
    }

    private Selection select(Frame frame, TimeWindow window, List<Filter> filters) {
        return selections.get(frame.version(), new SelectionKey(window, filters), () -> {
            Selection found = Selection.of(frame, window, filters);
            // A narrow view should not hold an array sized for the whole table.
            return found.count() < found.rows().length / 2
                    ? new Selection(Arrays.copyOf(found.rows(), found.count()), found.count(), found.minTime(),
                            found.maxTime())
                    : found;
        });
    }

    @SuppressWarnings("unchecked")
    private <T> T cached(String kind, View view, int limit, java.util.function.Function<Frame, T> query) {
        return model.read(frame -> (T) results.get(frame.version(), new ResultKey(kind, view, limit),
                () -> query.apply(frame)));
    }

    private static Long bound(long time) {
        return time == Long.MIN_VALUE || time == Long.MAX_VALUE ? null : time;
    }
}
