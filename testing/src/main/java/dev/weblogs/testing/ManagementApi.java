package dev.weblogs.testing;

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
import java.util.UUID;

/** The HTTP API of a RabbitMQ management plugin, as the tests use it: vhosts, connections, queues. */
final class ManagementApi {

    /** HTTP/1.1: the management plugin's server closes connections that offer an h2c upgrade. */
    private static final HttpClient HTTP = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
    private static final ObjectMapper JSON = new ObjectMapper();

    private final URI base;
    private final String user;
    private final String password;

    ManagementApi(URI base, String user, String password) {
        this.base = base;
        this.user = user;
        this.password = password;
    }

    /** A new vhost, where {@code user} may do everything; its name. */
    String newVhost() {
        String name = "test-" + UUID.randomUUID();
        call("PUT", "/api/vhosts/" + encode(name), "{}");
        call("PUT", "/api/permissions/" + encode(name) + "/" + encode(user),
                "{\"configure\":\".*\",\"write\":\".*\",\"read\":\".*\"}");
        return name;
    }

    void deleteVhost(String name) {
        call("DELETE", "/api/vhosts/" + encode(name), null);
    }

    /** The client connections to {@code vhost}, as the API lists them (a few seconds behind). */
    JsonNode connections(String vhost) {
        return json(call("GET", "/api/vhosts/" + encode(vhost) + "/connections", null));
    }

    void closeConnection(String name) {
        call("DELETE", "/api/connections/" + encode(name).replace("+", "%20"), null);
    }

    JsonNode queue(String vhost, String queue) {
        return json(call("GET", "/api/queues/" + encode(vhost) + "/" + encode(queue), null));
    }

    static String encode(String part) {
        return URLEncoder.encode(part, StandardCharsets.UTF_8);
    }

    private static JsonNode json(String body) {
        try {
            return JSON.readTree(body);
        } catch (IOException e) {
            throw new IllegalStateException("unexpected answer from the management API: " + body, e);
        }
    }

    private String call(String method, String path, String body) {
        HttpRequest request = HttpRequest.newBuilder(base.resolve(path))
                .timeout(Duration.ofSeconds(10))
                .header("Authorization", "Basic " + Base64.getEncoder().encodeToString(
                        (user + ":" + password).getBytes(StandardCharsets.UTF_8)))
                .header("Content-Type", "application/json")
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofString(body))
                .build();
        try {
            HttpResponse<String> response = HTTP.send(request, HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() / 100 != 2) {
                throw new IllegalStateException(method + " " + path + " on the RabbitMQ management API at " + base
                        + " answered " + response.statusCode() + ": " + response.body());
            }
            return response.body();
        } catch (IOException e) {
            throw new IllegalStateException("the RabbitMQ management API at " + base + " cannot be reached: " + e, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
