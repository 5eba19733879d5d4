package dev.weblogs.dashboard.support;

import dev.weblogs.cli.Cli;
import dev.weblogs.dashboard.Dashboard;
import dev.weblogs.lifecycle.Stop;
import dev.weblogs.testing.Eventually;
import dev.weblogs.testing.TestDatabase;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.FutureTask;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/** The dashboard program on a thread of the test, on a free port, against a test database. */
public final class RunningDashboard implements AutoCloseable {

    private static final HttpClient HTTP = HttpClient.newHttpClient();

    private final Stop stop = new Stop();
    private final Dashboard dashboard = new Dashboard(stop);
    private final FutureTask<Integer> task;

    private RunningDashboard(Map<String, String> env) {
        task = new FutureTask<>(() -> Cli.execute(dashboard, new String[0], env));
        new Thread(task, "dashboard").start();
    }

    /** Starts it and waits until its model is loaded ({@code /health} UP). */
    public static RunningDashboard start(TestDatabase database) throws Exception {
        return start(database.url(), database.user(), database.password());
    }

    public static RunningDashboard start(String url, String user, String password) throws Exception {
        return start(url, user, password, Duration.ofSeconds(60));
    }

    /** @param patience how long its first load of clean-log may take */
    public static RunningDashboard start(String url, String user, String password, Duration patience)
            throws Exception {
        RunningDashboard running = new RunningDashboard(Map.of("DB_URL", url, "DB_USER", user,
                "DB_PASSWORD", password, "DASHBOARD_PORT", "0", "DASHBOARD_HOST", "127.0.0.1"));
        int status = Eventually.poll(patience, running::healthStatus, code -> code == 200);
        if (status != 200) {
            running.close();
            throw new IllegalStateException("the dashboard did not become healthy: " + status);
        }
        return running;
    }

    private int healthStatus() throws Exception {
        if (task.isDone()) {
            throw new IllegalStateException("the dashboard exited with " + task.get());
        }
        if (dashboard.port() < 0) {
            return -1;
        }
        return get("/health").statusCode();
    }

    public URI uri(String path) {
        return URI.create("http://127.0.0.1:" + dashboard.port() + path);
    }

    public HttpResponse<String> get(String pathAndQuery) throws Exception {
        return HTTP.send(HttpRequest.newBuilder(uri(pathAndQuery)).timeout(Duration.ofSeconds(30)).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    /** Stops it as SIGTERM would and waits for it to end. */
    @Override
    public void close() throws ExecutionException, TimeoutException {
        stop.request();
        try {
            task.get(30, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while stopping the dashboard", e);
        }
    }
}
