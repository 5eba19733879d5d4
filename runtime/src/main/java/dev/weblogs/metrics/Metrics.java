package dev.weblogs.metrics;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import dev.weblogs.failure.ConfigurationException;
import dev.weblogs.failure.Setting;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.jvm.ClassLoaderMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmGcMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmMemoryMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmThreadMetrics;
import io.micrometer.core.instrument.binder.system.ProcessorMetrics;
import io.micrometer.core.instrument.binder.system.UptimeMetrics;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.TreeMap;
import java.util.concurrent.Executors;
import java.util.Map;
import java.util.function.Supplier;

/**
 * A program's meters, and with a port, an HTTP endpoint serving them to Prometheus at {@code /metrics}
 * and the state of the program's links at {@code /health} (200 when all are up, 503 otherwise; 503 and
 * {@code STARTING} until the program has connected them, so that a supervisor waiting for health waits for that).
 */
public final class Metrics implements AutoCloseable {

    private final PrometheusMeterRegistry registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
    private final HttpServer server;
    private volatile Supplier<Map<String, Boolean>> health;

    private Metrics(String program, Integer port) {
        registry.config().commonTags("program", program);
        new JvmMemoryMetrics().bindTo(registry);
        new JvmGcMetrics().bindTo(registry);
        new JvmThreadMetrics().bindTo(registry);
        new ClassLoaderMetrics().bindTo(registry);
        new ProcessorMetrics().bindTo(registry);
        new UptimeMetrics().bindTo(registry);
        server = port == null ? null : serve(port);
    }

    /** Meters for {@code program}; served over HTTP when {@code port} is not {@code null}. */
    public static Metrics start(String program, Integer port) {
        return new Metrics(program, port);
    }

    private HttpServer serve(int port) {
        try {
            HttpServer http = HttpServer.create(new InetSocketAddress(port), 0);
            http.createContext("/metrics", exchange -> respond(exchange, 200,
                    "text/plain; version=0.0.4; charset=utf-8", registry.scrape()));
            http.createContext("/health", this::health);
            // Two threads: a scrape waiting on the broker for the queue depth must not hold up /health.
            http.setExecutor(Executors.newFixedThreadPool(2, runnable -> {
                Thread thread = new Thread(runnable, "metrics-http");
                thread.setDaemon(true);
                return thread;
            }));
            http.start();
            return http;
        } catch (IOException e) {
            throw new ConfigurationException(Setting.METRICS_PORT, "cannot serve on port " + port + " (" + e.getMessage()
                    + ")", e);
        }
    }

    private void health(HttpExchange exchange) throws IOException {
        Supplier<Map<String, Boolean>> linked = health;
        if (linked == null) {
            respond(exchange, 503, "application/json", "{\"status\":\"STARTING\"}");
            return;
        }
        Map<String, Boolean> links = new TreeMap<>(linked.get());
        boolean up = !links.containsValue(false);
        StringBuilder json = new StringBuilder("{\"status\":\"").append(up ? "UP" : "DOWN").append('"');
        links.forEach((name, ok) -> json.append(",\"").append(name).append("\":\"").append(ok ? "UP" : "DOWN").append('"'));
        respond(exchange, up ? 200 : 503, "application/json", json.append('}').toString());
    }

    private static void respond(HttpExchange exchange, int status, String type, String body) throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("Content-Type", type);
        exchange.sendResponseHeaders(status, bytes.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(bytes);
        }
    }

    /** What {@code /health} reports: link name to whether it is up. */
    public void healthFrom(Supplier<Map<String, Boolean>> links) {
        this.health = links;
    }

    public MeterRegistry registry() {
        return registry;
    }


    @Override
    public void close() {
        if (server != null) {
            server.stop(0);
        }
        registry.close();
    }
}
