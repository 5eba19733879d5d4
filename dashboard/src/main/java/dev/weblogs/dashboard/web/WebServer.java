package dev.weblogs.dashboard.web;

import dev.weblogs.dashboard.model.LogModel;
import dev.weblogs.dashboard.store.Follower;
import dev.weblogs.dashboard.store.RawLines;
import dev.weblogs.dashboard.store.Rejections;
import dev.weblogs.failure.Causes;
import io.javalin.Javalin;
import io.javalin.http.HttpStatus;
import io.javalin.http.staticfiles.Location;
import java.net.BindException;
import java.sql.SQLException;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** The HTTP server: the page and its scripts from the jar, the JSON API, the live event stream, health. */
public final class WebServer implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(WebServer.class);

    private final Javalin server;
    private final LiveEvents live;

    private WebServer(Javalin server, LiveEvents live) {
        this.server = server;
        this.live = live;
    }

    /**
     * Serves on {@code host:port} (port 0: any free one).
     *
     * @throws BindException when the port cannot be had
     */
    public static WebServer start(String host, int port, LogModel model, Follower follower, RawLines rawLines,
                                  Rejections rejections) throws BindException {
        Api api = new Api(model, follower, rawLines, rejections);
        LiveEvents live = new LiveEvents(model);
        Javalin server = Javalin.create(config -> {
            config.startup.showJavalinBanner = false;
            config.startup.showOldJavalinVersionWarning = false;
            config.jetty.host = host;
            config.jetty.port = port;
            config.staticFiles.add("/public", Location.CLASSPATH);
            config.staticFiles.enableWebjars();
            config.routes.get("/health", api::health);
            config.routes.get("/api/status", api::status);
            config.routes.get("/api/panels", api::panels);
            config.routes.before("/api/view/*", api::requireReady);
            config.routes.get("/api/view/overview", api::overview);
            config.routes.get("/api/view/timeline", api::timeline);
            config.routes.get("/api/view/heatmap", api::heatMap);
            config.routes.get("/api/view/rejected", api::rejected);
            config.routes.get("/api/view/lines", api::lines);
            config.routes.get("/api/view/panels/{panel}", api::panel);
            config.routes.get("/api/view/panels/{panel}/csv", api::csv);
            config.routes.sse("/events", live::join);
            config.routes.exception(IllegalArgumentException.class, (e, ctx) ->
                    ctx.status(HttpStatus.BAD_REQUEST).json(Map.of("error", e.getMessage())));
            config.routes.exception(Api.NotReady.class, (e, ctx) ->
                    ctx.status(HttpStatus.SERVICE_UNAVAILABLE).json(Map.of("error", e.getMessage())));
            config.routes.exception(SQLException.class, (e, ctx) -> {
                log.warn("a drill-down query failed: {}", Causes.rootMessage(e));
                ctx.status(HttpStatus.SERVICE_UNAVAILABLE).json(Map.of("error", "the database cannot be read: "
                        + Causes.rootMessage(e)));
            });
        });
        try {
            server.start();
        } catch (RuntimeException e) {
            live.close();
            BindException bind = Causes.innermost(e, BindException.class);
            if (bind != null) {
                throw bind;
            }
            throw e;
        }
        return new WebServer(server, live);
    }

    public int port() {
        return server.port();
    }

    @Override
    public void close() {
        live.close();
        server.stop();
    }
}
