package dev.weblogs.dashboard.web;

import dev.weblogs.dashboard.model.LogModel;
import io.javalin.http.sse.SseClient;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Tells open pages, by server-sent events, that the rows changed: at most twice a second, however often the
 * model changes, so a page refreshes within a second of new rows and never more than it can draw. A comment
 * every 15 s keeps proxies from closing an idle stream.
 */
final class LiveEvents implements AutoCloseable {

    private static final long PERIOD_MILLIS = 500;
    private static final long KEEP_ALIVE_MILLIS = 15_000;

    private final LogModel model;
    private final Set<SseClient> clients = ConcurrentHashMap.newKeySet();
    private final AtomicBoolean changed = new AtomicBoolean();
    private final ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor(runnable -> {
        Thread thread = new Thread(runnable, "live-events");
        thread.setDaemon(true);
        return thread;
    });

    LiveEvents(LogModel model) {
        this.model = model;
        model.onChange(() -> changed.set(true));
        timer.scheduleAtFixedRate(this::broadcast, PERIOD_MILLIS, PERIOD_MILLIS, TimeUnit.MILLISECONDS);
        timer.scheduleAtFixedRate(() -> clients.forEach(client -> client.sendComment("keep-alive")),
                KEEP_ALIVE_MILLIS, KEEP_ALIVE_MILLIS, TimeUnit.MILLISECONDS);
    }

    /** A page opened the stream: it stays open until the page goes. */
    void join(SseClient client) {
        client.keepAlive();
        client.onClose(() -> clients.remove(client));
        clients.add(client);
        client.sendEvent("version", state());
    }

    private void broadcast() {
        if (changed.getAndSet(false) && !clients.isEmpty()) {
            Map<String, Object> state = state();
            clients.forEach(client -> client.sendEvent("version", state));
        }
    }

    private Map<String, Object> state() {
        return model.read(frame -> Map.of("version", frame.version(), "ready", model.isReady(), "rows", frame.live(),
                "newest", frame.live() == 0 ? 0 : frame.newest()));
    }

    int clients() {
        return clients.size();
    }

    @Override
    public void close() {
        timer.shutdownNow();
        clients.forEach(SseClient::close);
    }
}
