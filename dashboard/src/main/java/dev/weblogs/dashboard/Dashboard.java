package dev.weblogs.dashboard;

import dev.weblogs.cli.Cli;
import dev.weblogs.cli.DatabaseOptions;
import dev.weblogs.cli.ServiceOptions;
import dev.weblogs.cli.SettingException;
import dev.weblogs.cli.StopSignal;
import dev.weblogs.cli.Version;
import dev.weblogs.config.DatabaseSettings;
import dev.weblogs.dashboard.model.AgentResolver;
import dev.weblogs.dashboard.model.LogModel;
import dev.weblogs.dashboard.model.UserAgents;
import dev.weblogs.dashboard.store.Follower;
import dev.weblogs.dashboard.store.Grants;
import dev.weblogs.dashboard.store.RawLines;
import dev.weblogs.dashboard.store.ReadOnlyDatabase;
import dev.weblogs.dashboard.store.Rejections;
import dev.weblogs.dashboard.web.WebServer;
import dev.weblogs.lifecycle.Stop;
import dev.weblogs.metrics.Metrics;
import java.net.BindException;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.Callable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

/** Serves the live dashboard over the pipeline's tables. */
@Command(name = "dashboard", mixinStandardHelpOptions = true, versionProvider = Version.class, sortOptions = false,
        description = "Serves a live dashboard of clean-log at http://localhost:8000/: traffic by URL, status, "
                + "country, client and more, with filters, comparison, drill-down to raw-log and CSV export.%n"
                + "Reads only: a database user granted SELECT is enough. Runs until SIGTERM or Ctrl-C.")
public final class Dashboard implements Callable<Integer> {

    static {
        // Before the first logger exists, since slf4j-simple reads its levels once: the web server and the
        // user-agent parser speak only when something is wrong.
        for (String quiet : new String[] {"io.javalin", "org.eclipse.jetty", "nl.basjes"}) {
            System.setProperty("org.slf4j.simpleLogger.log." + quiet, "warn");
        }
        // Its one error is a port in use, which the command line reports as one line naming DASHBOARD_PORT.
        System.setProperty("org.slf4j.simpleLogger.log.io.javalin.Javalin", "off");
    }

    private static final Logger log = LoggerFactory.getLogger(Dashboard.class);
    private static final Duration FOLLOW_INTERVAL = Duration.ofSeconds(1);

    @Mixin
    private DatabaseOptions database;

    @Mixin
    private DashboardOptions web;

    @Mixin
    private ServiceOptions service;

    private final Stop stop;
    private volatile int port = -1;

    public Dashboard(Stop stop) {
        this.stop = stop;
    }

    public static void main(String[] args) {
        Stop stop = new Stop();
        StopSignal.install(stop);
        System.exit(run(args, System.getenv(), stop));
    }

    /** The program, without exiting: {@code env} stands for the environment; {@code stop} ends it. */
    public static int run(String[] args, Map<String, String> env, Stop stop) {
        return Cli.execute(new Dashboard(stop), args, env);
    }

    @Override
    public Integer call() throws Exception {
        DatabaseSettings settings = database.settings();
        int wantedPort = web.port();
        Integer metricsPort = service.metricsPort();
        try (ReadOnlyDatabase db = ReadOnlyDatabase.connect(settings, service.startupTimeout(), stop);
             Metrics metrics = Metrics.start("dashboard", metricsPort)) {
            Grants.check(db, settings);
            LogModel model = new LogModel();
            Follower follower = new Follower(db, model, FOLLOW_INTERVAL, stop);
            Thread following = new Thread(follower, "follower");
            Thread resolving = new Thread(new AgentResolver(model, new UserAgents(), stop), "user-agents");
            resolving.setDaemon(true);
            try (WebServer server = serve(wantedPort, model, follower, db)) {
                following.start();
                resolving.start();
                port = server.port();
                metrics.healthFrom(() -> Map.of("database", follower.status().up(), "model", model.isReady()));
                log.info("serving the dashboard at http://{}:{}/ (loading clean-log from {})",
                        web.host().equals("0.0.0.0") ? "localhost" : web.host(), port, db.address());
                stop.await();
            } finally {
                stop.request();
                following.join(Duration.ofSeconds(30).toMillis());
            }
            if (follower.failure() != null) {
                throw new IllegalStateException("stopped: " + follower.failure());
            }
        }
        return Cli.OK;
    }

    private WebServer serve(int wantedPort, LogModel model, Follower follower, ReadOnlyDatabase db) {
        try {
            return WebServer.start(web.host(), wantedPort, model, follower, new RawLines(db), new Rejections(db));
        } catch (BindException e) {
            throw new SettingException("--dashboard-port", "cannot serve on " + web.host() + ":" + wantedPort + " ("
                    + e.getMessage() + ")");
        }
    }

    /** The port it serves on once started (for tests that ask for any free one); -1 before. */
    public int port() {
        return port;
    }
}
