package dev.weblogs.dashboard;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.weblogs.dashboard.support.Browser;
import dev.weblogs.dashboard.support.Row;
import dev.weblogs.dashboard.support.RunningDashboard;
import dev.weblogs.dashboard.support.SqlReference;
import dev.weblogs.dashboard.support.SqlReference.Figures;
import dev.weblogs.dashboard.support.SqlReference.Where;
import dev.weblogs.dashboard.support.Tables;
import dev.weblogs.dashboard.support.TrafficGenerator;
import dev.weblogs.testing.TestDatabase;
import dev.weblogs.testing.TestServices;
import java.nio.file.Path;
import java.sql.Connection;
import java.text.NumberFormat;
import java.time.Duration;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.chrome.ChromeDriver;

/** The page in real headless Chromium, as a person uses it. */
class DashboardBrowserIT {

    private static final NumberFormat COUNT = NumberFormat.getIntegerInstance(Locale.US);
    private static final Duration PATIENCE = Duration.ofSeconds(30);

    @Test
    void showsTheTotalsFiltersEveryPanelByACountryAndFollowsNewRows() throws Exception {
        LocalDateTime now = LocalDateTime.now(ZoneOffset.UTC).withNano(0);
        try (TestDatabase database = TestServices.get().newDatabase(); Connection sql = database.connect()) {
            Tables.create(sql);
            List<Row> rows = new TrafficGenerator(11, 300).rows(3000, now.minusDays(7), now.minusMinutes(2));
            // Enough traffic from Colombia for it to be among the ten countries shown, the one the test clicks.
            String[] colombian = {"Bogotá", "Medellín", "Cali"};
            for (int i = 0; i < rows.size(); i += 6) {
                rows.set(i, rows.get(i).withPlace("Colombia", colombian[i % 3]));
            }
            Tables.insert(sql, rows);
            try (RunningDashboard dashboard = RunningDashboard.start(database); Browser browser = new Browser(1600, 2200)) {
                ChromeDriver page = browser.driver();
                page.get(dashboard.uri("/?range=all").toString());
                browser.waiting(PATIENCE).until(d -> Boolean.TRUE.equals(((JavascriptExecutor) d).executeScript(
                        "return document.body.dataset.ready === 'true';")));
                Figures all = SqlReference.totals(sql, Where.all());
                assertEquals(COUNT.format(all.hits()), text(page, "#stat-requests .value"));
                assertEquals(COUNT.format(all.ips()), text(page, "#stat-ips .value"));
                browser.screenshot(Path.of("target", "dashboard.png"));

                clickRow(page, "countries", "Colombia");
                Where colombia = Where.all().and("`country` = 'Colombia'");
                Figures filtered = SqlReference.totals(sql, colombia);
                browser.waiting(PATIENCE).until(d -> text(d, "#stat-requests .value").equals(COUNT.format(filtered.hits())));
                assertTrue(page.getCurrentUrl().contains("country=Colombia"), page.getCurrentUrl());
                assertEquals(COUNT.format(filtered.ips()), text(page, "#stat-ips .value"));
                assertEquals(List.of("Colombia"), values(page, "countries"));
                Set<String> cities = SqlReference.panel(sql, "city", colombia).keySet();
                assertTrue(cities.containsAll(values(page, "cities")), "cities of Colombia only: " + values(page, "cities"));
                for (String panel : List.of("status", "methods", "versions", "hosts")) {
                    assertEquals(filtered.hits(), hits(page, panel), panel + " counts Colombia's requests only");
                }

                page.executeScript("window.notReloaded = true;");
                Tables.insert(sql, List.of(Row.of(now.minusSeconds(20), "203.0.113.50", "/live/arrival", 200)
                        .withPlace("Colombia", "Cali")));
                browser.waiting(PATIENCE).until(d -> text(d, "#stat-requests .value").equals(COUNT.format(filtered.hits() + 1)));
                assertEquals(Boolean.TRUE, page.executeScript("return window.notReloaded === true;"), "no reload");
                browser.screenshot(Path.of("target", "dashboard-colombia.png"));
                assertEquals(List.of(), browser.consoleProblems().stream().map(Object::toString).toList());
            }
        }
    }

    // Read in one script, since the page redraws whenever rows arrive and elements found earlier go stale.
    private static String text(WebDriver page, String css) {
        return String.valueOf(((JavascriptExecutor) page).executeScript(
                "const e = document.querySelector(arguments[0]); return e ? e.textContent.trim() : null;", css));
    }

    private static void clickRow(WebDriver page, String panel, String value) {
        Object clicked = ((JavascriptExecutor) page).executeScript("const row = [...document.querySelectorAll("
                + "'#card-' + arguments[0] + ' tr.row')].find(tr => tr.dataset.value === arguments[1]);"
                + " if (row) row.querySelector('td.value').click(); return !!row;", panel, value);
        assertEquals(Boolean.TRUE, clicked, "a row " + value + " in " + panel);
    }

    @SuppressWarnings("unchecked")
    private static List<String> values(WebDriver page, String panel) {
        return (List<String>) ((JavascriptExecutor) page).executeScript("return [...document.querySelectorAll("
                + "'#card-' + arguments[0] + ' tr.row')].map(tr => tr.dataset.value);", panel);
    }

    private static long hits(WebDriver page, String panel) {
        return ((Number) ((JavascriptExecutor) page).executeScript("return [...document.querySelectorAll("
                + "'#card-' + arguments[0] + ' td.hits')].reduce((sum, td) => sum + Number(td.textContent.replace(/,/g, '')), 0);",
                panel)).longValue();
    }
}
