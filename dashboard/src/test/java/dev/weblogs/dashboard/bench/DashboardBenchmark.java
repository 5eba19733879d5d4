package dev.weblogs.dashboard.bench;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.weblogs.dashboard.support.RunningDashboard;
import java.lang.management.ManagementFactory;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The dashboard's figures at the size users have: fills a scratch database with generated clean-log rows (once;
 * a later run reuses them), starts the dashboard on it while rows keep arriving, and measures the first load,
 * the model's memory, each panel's and each page's latency for "all", "24 h" and one filter, and the database's
 * CPU while ten pages refresh live.
 *
 * <p>{@code DashboardBenchmark [rows] [jdbc-server-url] [user] [password] [database]}, by default 5000000 rows
 * on {@code jdbc:mysql://127.0.0.1:3306/} as root in the scratch database {@code dashboard_bench}.
 */
public final class DashboardBenchmark {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final int PAGE_LOADS = 20;
    private static final int ALONE = 5;
    private static final int PHASE_SECONDS = 30;
    private static final int LIVE_SECONDS = 60;
    private static final int PAGES = 10;

    private DashboardBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        int rows = args.length > 0 ? Integer.parseInt(args[0]) : 5_000_000;
        String server = args.length > 1 ? args[1] : "jdbc:mysql://127.0.0.1:3306/";
        String user = args.length > 2 ? args[2] : "root";
        String password = args.length > 3 ? args[3] : "";
        String name = args.length > 4 ? args[4] : "dashboard_bench";
        String url = server + name;
        // Rows the live writer of an earlier run added are kept: only a smaller table is filled again.
        if (count(url, user, password) < rows) {
            try (Connection connection = DriverManager.getConnection(server, user, password);
                 Statement statement = connection.createStatement()) {
                statement.execute("DROP DATABASE IF EXISTS `" + name + "`");
            }
            FillDatabase.fill(url, user, password, rows);
        }
        Map<String, String> results = new LinkedHashMap<>();
        ProcessCpu database = ProcessCpu.database();
        // The server may be shared: what it does without us is the floor of every figure below.
        database.start();
        Thread.sleep(PHASE_SECONDS * 1000L);
        results.put("database CPU, nothing of the benchmark running", cores(database));
        try (LiveWriter ignored = LiveWriter.start(url, user, password, rows)) {
            database.start();
            Thread.sleep(PHASE_SECONDS * 1000L);
            results.put("database CPU, writer only (" + LiveWriter.ROWS_PER_SECOND + " rows/s)", cores(database));
            long baseline = usedHeapAfterGc();
            long started = System.nanoTime();
            try (RunningDashboard dashboard = RunningDashboard.start(url, user, password, Duration.ofMinutes(30))) {
                results.put("first load of " + String.format("%,d", rows) + " rows",
                        String.format("%.0f s", (System.nanoTime() - started) / 1e9));
                results.put("dashboard heap after load (model, dictionaries, server)",
                        String.format("%.0f MiB", (usedHeapAfterGc() - baseline) / 1048576.0));
                database.start();
                Thread.sleep(PHASE_SECONDS * 1000L);
                results.put("database CPU, writer + dashboard following, no page open", cores(database));
                Pages pages = new Pages(dashboard);
                for (String view : List.of("range=all", "range=24h", "range=all&country=Colombia",
                        "range=24h&status=404")) {
                    pages.measure(view, PAGE_LOADS, ALONE, results);
                }
                database.start();
                ProcessCpu self = ProcessCpu.self();
                self.start();
                long loads = pages.live(PAGES, LIVE_SECONDS);
                results.put("database CPU, writer + " + PAGES + " pages refreshing live (range=all)", cores(database));
                results.put("dashboard process CPU (server and the " + PAGES + " simulated pages) meanwhile",
                        cores(self));
                results.put("page refreshes in " + LIVE_SECONDS + " s by the " + PAGES + " pages", String.valueOf(loads));
            }
        }
        System.out.println("| figure | value |");
        System.out.println("| --- | --- |");
        results.forEach((figure, value) -> System.out.println("| " + figure + " | " + value + " |"));
    }

    private static String cores(ProcessCpu cpu) throws java.io.IOException {
        return String.format("%.3f cores", cpu.cores());
    }

    private static long usedHeapAfterGc() throws InterruptedException {
        for (int i = 0; i < 3; i++) {
            System.gc();
            Thread.sleep(300);
        }
        return ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
    }

    private static long count(String url, String user, String password) {
        try (Connection connection = DriverManager.getConnection(url, user, password);
             Statement statement = connection.createStatement();
             ResultSet result = statement.executeQuery("SELECT COUNT(*) FROM `clean-log`")) {
            result.next();
            return result.getLong(1);
        } catch (SQLException e) {
            return -1;
        }
    }

    static List<String> endpoints() {
        List<String> endpoints = new ArrayList<>(List.of("overview", "timeline", "heatmap", "rejected"));
        for (String panel : List.of("requests", "not_found", "hosts", "status", "countries", "cities", "ips", "users",
                "email_domains", "methods", "versions", "referrers", "browsers", "os")) {
            endpoints.add("panels/" + panel);
        }
        return endpoints;
    }

    static long version(RunningDashboard dashboard) throws Exception {
        return JSON.readTree(dashboard.get("/api/status").body()).get("version").asLong();
    }
}
