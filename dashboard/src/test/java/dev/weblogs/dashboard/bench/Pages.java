package dev.weblogs.dashboard.bench;

import dev.weblogs.dashboard.support.RunningDashboard;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Pages as a browser loads them: every part of the page asked at once over 6 connections (a browser's limit per
 * host), each time the rows changed, so that no answer comes from a cache of an older version.
 */
final class Pages {

    private static final int CONNECTIONS = 6;

    private final RunningDashboard dashboard;

    Pages(RunningDashboard dashboard) {
        this.dashboard = dashboard;
    }

    /**
     * Loads the page of {@code view} {@code loads} times, and asks each part alone {@code alones} times, each
     * the first question after new rows (so it pays for finding the view's rows too); adds the p95s.
     */
    void measure(String view, int loads, int alones, Map<String, String> results) throws Exception {
        Map<String, Percentiles> together = new LinkedHashMap<>();
        Map<String, Percentiles> alone = new LinkedHashMap<>();
        Percentiles page = new Percentiles();
        ExecutorService pool = Executors.newFixedThreadPool(CONNECTIONS);
        try {
            for (int i = 0; i < loads; i++) {
                awaitChange();
                page.add(load(view, pool, together));
            }
            for (int i = 0; i < alones; i++) {
                for (String endpoint : DashboardBenchmark.endpoints()) {
                    awaitChange();
                    alone.computeIfAbsent(endpoint, e -> new Percentiles()).add(time(view, endpoint));
                }
            }
        } finally {
            pool.shutdown();
        }
        String worstTogether = worst(together);
        String worstAlone = worst(alone);
        results.put(view + ": whole page, every panel's data (p95)", String.format("%.0f ms", page.at(95)));
        results.put(view + ": slowest panel within the page (p95)", worstTogether);
        results.put(view + ": slowest panel's query alone, first after new rows (p95)", worstAlone);
    }

    private static String worst(Map<String, Percentiles> latencies) {
        Map.Entry<String, Percentiles> worst = latencies.entrySet().stream()
                .max((a, b) -> Double.compare(a.getValue().at(95), b.getValue().at(95))).orElseThrow();
        return String.format("%.0f ms (%s)", worst.getValue().at(95), worst.getKey());
    }

    /** One page load; returns its duration in ms. */
    double load(String view, ExecutorService pool, Map<String, Percentiles> latencies) throws Exception {
        long started = System.nanoTime();
        List<Future<Double>> parts = new ArrayList<>();
        List<String> endpoints = DashboardBenchmark.endpoints();
        for (String endpoint : endpoints) {
            parts.add(pool.submit(() -> time(view, endpoint)));
        }
        for (int i = 0; i < parts.size(); i++) {
            double millis = parts.get(i).get();
            if (latencies != null) {
                synchronized (latencies) {
                    latencies.computeIfAbsent(endpoints.get(i), e -> new Percentiles()).add(millis);
                }
            }
        }
        return (System.nanoTime() - started) / 1e6;
    }

    private double time(String view, String endpoint) throws Exception {
        long started = System.nanoTime();
        int status = dashboard.get("/api/view/" + endpoint + "?limit=10&" + view).statusCode();
        if (status != 200) {
            throw new IllegalStateException(endpoint + " answered " + status);
        }
        return (System.nanoTime() - started) / 1e6;
    }

    private long seen = -1;

    private void awaitChange() throws Exception {
        long version = DashboardBenchmark.version(dashboard);
        while (version == seen) {
            Thread.sleep(50);
            version = DashboardBenchmark.version(dashboard);
        }
        seen = version;
    }

    /** {@code pages} pages on range "all", each reloading on every change, for {@code seconds}; returns the loads. */
    long live(int pages, int seconds) throws Exception {
        AtomicLong loads = new AtomicLong();
        long end = System.nanoTime() + seconds * 1_000_000_000L;
        List<Thread> threads = new ArrayList<>();
        for (int p = 0; p < pages; p++) {
            Thread thread = new Thread(() -> {
                ExecutorService pool = Executors.newFixedThreadPool(CONNECTIONS);
                long last = -1;
                try {
                    while (System.nanoTime() < end) {
                        long version = DashboardBenchmark.version(dashboard);
                        if (version == last) {
                            Thread.sleep(100);
                            continue;
                        }
                        last = version;
                        load("range=all", pool, null);
                        loads.incrementAndGet();
                    }
                } catch (Exception e) {
                    System.err.println("page stopped: " + e);
                } finally {
                    pool.shutdown();
                }
            }, "page-" + p);
            thread.start();
            threads.add(thread);
        }
        for (Thread thread : threads) {
            thread.join();
        }
        return loads.get();
    }
}
