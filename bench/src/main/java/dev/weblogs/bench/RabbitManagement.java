package dev.weblogs.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;

/** The few calls of RabbitMQ's management HTTP API the bench needs: vhosts and the broker's version. */
final class RabbitManagement {

    /** HTTP/1.1: the management plugin's server closes connections that offer an h2c upgrade. */
    private static final HttpClient HTTP = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(10)).build();

    private final URI base;
    private final String authorization;

    RabbitManagement(URI base, String user, String password) {
        this.base = base;
        this.authorization = "Basic " + Base64.getEncoder().encodeToString(
                (user + ":" + password).getBytes(StandardCharsets.UTF_8));
    }

    /** {@code 3.10.8 (Erlang 25.2.3)}. */
    String version() {
        try {
            JsonNode overview = new ObjectMapper().readTree(call("GET", "/api/overview", null));
            return overview.path("rabbitmq_version").asText() + " (Erlang " + overview.path("erlang_version").asText()
                    + ")";
        } catch (IOException e) {
            throw new IllegalStateException("unexpected answer from the management API at " + base + ": " + e, e);
        }
    }

    /** Creates {@code name} and gives {@code user} every permission on it. */
    void createVhost(String name, String user) {
        call("PUT", "/api/vhosts/" + encode(name), "{}");
        call("PUT", "/api/permissions/" + encode(name) + "/" + encode(user),
                "{\"configure\":\".*\",\"write\":\".*\",\"read\":\".*\"}");
    }

    /** Deletes {@code name} with its queues and messages. */
    void deleteVhost(String name) {
        call("DELETE", "/api/vhosts/" + encode(name), null);
    }

    private static String encode(String segment) {
        return URLEncoder.encode(segment, StandardCharsets.UTF_8).replace("+", "%20");
    }

    private String call(String method, String path, String body) {
        HttpRequest request = HttpRequest.newBuilder(base.resolve(path))
                .timeout(Duration.ofSeconds(30))
                .header("Authorization", authorization)
                .header("Content-Type", "application/json")
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofString(body))
                .build();
        try {
            HttpResponse<String> response = HTTP.send(request, HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() / 100 != 2) {
                throw new IllegalStateException(method + " " + path + " on the RabbitMQ management API answered "
                        + response.statusCode() + ": " + response.body());
            }
            return response.body();
        } catch (IOException e) {
            throw new IllegalStateException("the RabbitMQ management API at " + base
                    + " (--management-uri) cannot be reached: " + e, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted calling the RabbitMQ management API", e);
        }
    }
}
