package dev.weblogs.dashboard.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.weblogs.dashboard.support.Row;
import dev.weblogs.dashboard.support.RunningDashboard;
import dev.weblogs.dashboard.support.Tables;
import dev.weblogs.dashboard.support.TrafficGenerator;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * The dashboard side by side with GoAccess on the same combined-format file: the rows the clean consumer would
 * store from it go into a scratch database, and totals, URLs, not-found URLs, client IPs, status codes and
 * referring sites are compared value by value (hits and bytes). Browsers and OS are left out: GoAccess has its
 * own user-agent lists. {@code GoAccessComparison [lines] [jdbc-server-url] [user] [password]}
 */
public final class GoAccessComparison {

    private static final ObjectMapper JSON = new ObjectMapper();

    private GoAccessComparison() {
    }

    public static void main(String[] args) throws Exception {
        int lines = args.length > 0 ? Integer.parseInt(args[0]) : 20_000;
        String server = args.length > 1 ? args[1] : "jdbc:mysql://127.0.0.1:3306/";
        String user = args.length > 2 ? args[2] : "root";
        String password = args.length > 3 ? args[3] : "";
        LocalDateTime now = LocalDateTime.now(ZoneOffset.UTC).withNano(0);
        List<Row> rows = new TrafficGenerator(5, 800).rows(lines, now.minusDays(2), now.minusMinutes(1));
        Path log = Path.of("target", "goaccess", "access.log");
        Files.createDirectories(log.getParent());
        StringBuilder text = new StringBuilder();
        // A row the server wrote twice is two lines of the file and one row of occurrences 2.
        rows.forEach(row -> text.append((row.rawLine() + "\n").repeat(row.occurrences())));
        Files.writeString(log, text, StandardCharsets.UTF_8);
        Path report = log.resolveSibling("report.json");
        Process goaccess = new ProcessBuilder("goaccess", log.toString(), "--log-format=COMBINED", "--no-query-string", "--max-items=1000000",
                "-o", report.toString()).redirectErrorStream(true).start();
        goaccess.getInputStream().readAllBytes();
        if (goaccess.waitFor() != 0) {
            throw new IllegalStateException("goaccess failed");
        }
        JsonNode access = JSON.readTree(report.toFile());
        try (Connection admin = DriverManager.getConnection(server, user, password); Statement statement = admin.createStatement()) {
            statement.execute("DROP DATABASE IF EXISTS dashboard_goaccess");
            statement.execute("CREATE DATABASE dashboard_goaccess CHARACTER SET utf8mb4");
        }
        String url = server + "dashboard_goaccess";
        try (Connection sql = DriverManager.getConnection(url, user, password)) {
            Tables.create(sql);
            Tables.insert(sql, rows);
        }
        try (RunningDashboard dashboard = RunningDashboard.start(url, user, password)) {
            JsonNode overview = JSON.readTree(dashboard.get("/api/view/overview?range=all").body());
            System.out.println("| compared | GoAccess | dashboard | values | differing |");
            System.out.println("| --- | --- | --- | --- | --- |");
            row("total requests", access.at("/general/total_requests").asLong(), overview.at("/current/requests").asLong());
            row("bandwidth (bytes)", access.at("/general/bandwidth").asLong(), overview.at("/current/bytes").asLong());
            Map<String, long[]> paths = goAccess(access, "requests");
            goAccess(access, "static_requests").forEach((path, figures) -> paths.merge(path, figures,
                    (a, b) -> new long[] {a[0] + b[0], a[1] + b[1]}));
            goAccess(access, "not_found").forEach((path, figures) -> paths.merge(path, figures,
                    (a, b) -> new long[] {a[0] + b[0], a[1] + b[1]}));
            panel("URLs (requests + static + not found)", paths, dashboard, "requests");
            panel("not-found URLs", goAccess(access, "not_found"), dashboard, "not_found");
            panel("client IPs (hosts)", goAccess(access, "hosts"), dashboard, "ips");
            Map<String, long[]> codes = new HashMap<>();
            for (JsonNode group : access.at("/status_codes/data")) {
                for (JsonNode code : group.get("items")) {
                    codes.put(code.get("data").asText().split(" ")[0], figures(code));
                }
            }
            panel("status codes", codes, dashboard, "status");
            panel("referring sites", goAccess(access, "referring_sites"), dashboard, "referrers");
        }
    }

    private static Map<String, long[]> goAccess(JsonNode report, String panel) {
        Map<String, long[]> values = new HashMap<>();
        for (JsonNode item : report.at("/" + panel + "/data")) {
            // GoAccess keeps one item per method and protocol of a URL: added up, as the dashboard groups by URL.
            values.merge(item.get("data").asText(), figures(item), (a, b) -> new long[] {a[0] + b[0], a[1] + b[1]});
        }
        return values;
    }

    private static long[] figures(JsonNode item) {
        return new long[] {item.at("/hits/count").asLong(), item.at("/bytes/count").asLong()};
    }

    private static void panel(String name, Map<String, long[]> expected, RunningDashboard dashboard, String panel)
            throws Exception {
        String csv = dashboard.get("/api/view/panels/" + panel + "/csv?range=all").body();
        Map<String, long[]> shown = new HashMap<>();
        com.fasterxml.jackson.dataformat.csv.CsvMapper mapper = new com.fasterxml.jackson.dataformat.csv.CsvMapper();
        var reader = mapper.readerFor(Map.class).with(mapper.schemaFor(Map.class).withHeader());
        try (var it = reader.<Map<String, String>>readValues(csv)) {
            while (it.hasNext()) {
                Map<String, String> line = it.next();
                String value = line.get(line.keySet().iterator().next());
                if (!value.isEmpty()) {
                    shown.put(value, new long[] {Long.parseLong(line.get("hits")), Long.parseLong(line.get("bytes"))});
                }
            }
        }
        long differing = expected.keySet().stream().filter(k -> !java.util.Arrays.equals(expected.get(k), shown.get(k)))
                .count() + shown.keySet().stream().filter(k -> !expected.containsKey(k)).count();
        long goHits = expected.values().stream().mapToLong(f -> f[0]).sum();
        long ourHits = shown.values().stream().mapToLong(f -> f[0]).sum();
        System.out.printf("| %s | %,d hits | %,d hits | %,d / %,d | %d |%n", name, goHits, ourHits, expected.size(),
                shown.size(), differing);
    }

    private static void row(String name, long goaccess, long dashboard) {
        System.out.printf("| %s | %,d | %,d | 1 | %d |%n", name, goaccess, dashboard, Objects.equals(goaccess, dashboard) ? 0 : 1);
    }
}
