package dev.weblogs.testing;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.Base64;
import java.util.Map;
import java.util.UUID;
import org.testcontainers.containers.MySQLContainer;
import org.testcontainers.containers.RabbitMQContainer;

/**
 * The RabbitMQ and MySQL/MariaDB the integration tests run against: the servers named by
 * {@code TEST_RABBITMQ_URI}, {@code TEST_DB_URL}, {@code TEST_DB_USER} and {@code TEST_DB_PASSWORD} when
 * set, containers started by Testcontainers otherwise. A named server that cannot be reached fails the
 * test; nothing is skipped.
 *
 * <p>Each test gets its own vhost and its own database, removed afterwards, so tests share nothing with
 * each other or with a user's data on the same servers.
 */
public final class TestServices {

    /** HTTP/1.1: the management plugin's server closes connections that offer an h2c upgrade. */
    private static final HttpClient HTTP = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();

    private static TestServices instance;

    private final URI brokerUri;
    private final URI managementUri;
    private final String serverJdbcUrl;
    private final String dbUser;
    private final String dbPassword;

    private TestServices(URI brokerUri, URI managementUri, String serverJdbcUrl, String dbUser, String dbPassword) {
        this.brokerUri = brokerUri;
        this.managementUri = managementUri;
        this.serverJdbcUrl = serverJdbcUrl;
        this.dbUser = dbUser;
        this.dbPassword = dbPassword;
    }

    public static synchronized TestServices get() {
        if (instance == null) {
            instance = fromEnvironment(System.getenv());
        }
        return instance;
    }

    private static TestServices fromEnvironment(Map<String, String> env) {
        URI broker;
        URI management;
        String rabbit = env.get("TEST_RABBITMQ_URI");
        if (rabbit != null && !rabbit.isBlank()) {
            broker = URI.create(rabbit);
            String named = env.get("TEST_RABBITMQ_MANAGEMENT_URI");
            management = URI.create(named != null && !named.isBlank() ? named
                    : "http://" + broker.getHost() + ":15672");
        } else {
            RabbitMQContainer container = new RabbitMQContainer("rabbitmq:3.13-management");
            container.start();
            broker = URI.create(container.getAmqpUrl().replace("amqp://", "amqp://guest:guest@"));
            management = URI.create(container.getHttpUrl());
        }
        String jdbc = env.get("TEST_DB_URL");
        String user;
        String password;
        if (jdbc != null && !jdbc.isBlank()) {
            user = env.getOrDefault("TEST_DB_USER", "root");
            password = env.getOrDefault("TEST_DB_PASSWORD", "");
        } else {
            MySQLContainer<?> container = new MySQLContainer<>("mysql:8.4").withUsername("root").withPassword("test");
            container.start();
            jdbc = container.getJdbcUrl();
            user = "root";
            password = "test";
        }
        return new TestServices(broker, management, serverUrl(jdbc), user, password);
    }

    /** {@code jdbc:mysql://host:port/db?x} without its database: {@code jdbc:mysql://host:port/}. */
    private static String serverUrl(String jdbc) {
        int slash = jdbc.indexOf('/', jdbc.indexOf("//") + 2);
        return slash < 0 ? jdbc + "/" : jdbc.substring(0, slash + 1);
    }

    /** A new, empty vhost for one test; deleted when closed. */
    public TestVhost newVhost() {
        String name = "test-" + UUID.randomUUID();
        String user = brokerUri.getUserInfo().split(":")[0];
        String encoded = URLEncoder.encode(name, StandardCharsets.UTF_8);
        management("PUT", "/api/vhosts/" + encoded, "{}");
        management("PUT", "/api/permissions/" + encoded + "/" + URLEncoder.encode(user, StandardCharsets.UTF_8),
                "{\"configure\":\".*\",\"write\":\".*\",\"read\":\".*\"}");
        URI uri = URI.create(brokerUri.getScheme() + "://" + brokerUri.getRawUserInfo() + "@" + brokerUri.getHost()
                + ":" + (brokerUri.getPort() > 0 ? brokerUri.getPort() : 5672) + "/" + encoded);
        return new TestVhost(name, uri, () -> management("DELETE", "/api/vhosts/" + encoded, null));
    }

    /** How many client connections to {@code vhost} the broker lists (its list lags a few seconds behind). */
    public int connections(TestVhost vhost) {
        String list = management("GET", "/api/vhosts/" + URLEncoder.encode(vhost.name(), StandardCharsets.UTF_8)
                + "/connections", null);
        try {
            return new com.fasterxml.jackson.databind.ObjectMapper().readTree(list).size();
        } catch (IOException e) {
            throw new IllegalStateException("unexpected answer from the management API: " + list, e);
        }
    }

    /**
     * Closes every client connection to {@code vhost} from the broker's side, as a broker restart or a
     * failover would; returns how many there were.
     */
    public int closeConnections(TestVhost vhost) {
        String list = management("GET", "/api/vhosts/" + URLEncoder.encode(vhost.name(), StandardCharsets.UTF_8)
                + "/connections", null);
        int closed = 0;
        try {
            for (com.fasterxml.jackson.databind.JsonNode connection : new com.fasterxml.jackson.databind.ObjectMapper()
                    .readTree(list)) {
                management("DELETE", "/api/connections/" + URLEncoder.encode(connection.get("name").asText(),
                        StandardCharsets.UTF_8).replace("+", "%20"), null);
                closed++;
            }
        } catch (IOException e) {
            throw new IllegalStateException("unexpected answer from the management API: " + list, e);
        }
        return closed;
    }

    /** A new, empty database for one test; dropped when closed. */
    public TestDatabase newDatabase() {
        String name = "test_" + UUID.randomUUID().toString().replace("-", "").substring(0, 16);
        execute("CREATE DATABASE `" + name + "` CHARACTER SET utf8mb4");
        return new TestDatabase(serverJdbcUrl + name, dbUser, dbPassword,
                () -> execute("DROP DATABASE IF EXISTS `" + name + "`"));
    }


    private void execute(String sql) {
        try (Connection connection = DriverManager.getConnection(serverJdbcUrl, dbUser, dbPassword);
             Statement statement = connection.createStatement()) {
            statement.execute(sql);
        } catch (SQLException e) {
            throw new IllegalStateException("the test database server at " + serverJdbcUrl
                    + " (TEST_DB_URL) cannot be used: " + e.getMessage(), e);
        }
    }

    private String management(String method, String path, String body) {
        String[] credentials = brokerUri.getUserInfo().split(":", 2);
        HttpRequest request = HttpRequest.newBuilder(managementUri.resolve(path))
                .timeout(Duration.ofSeconds(10))
                .header("Authorization", "Basic " + Base64.getEncoder().encodeToString(
                        (credentials[0] + ":" + credentials[1]).getBytes(StandardCharsets.UTF_8)))
                .header("Content-Type", "application/json")
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofString(body))
                .build();
        try {
            HttpResponse<String> response = HTTP.send(request,
                    HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() / 100 != 2) {
                throw new IllegalStateException(method + " " + path + " on the RabbitMQ management API answered "
                        + response.statusCode() + ": " + response.body());
            }
            return response.body();
        } catch (IOException e) {
            throw new IllegalStateException("the RabbitMQ management API at " + managementUri
                    + " (TEST_RABBITMQ_MANAGEMENT_URI) cannot be reached: " + e, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
