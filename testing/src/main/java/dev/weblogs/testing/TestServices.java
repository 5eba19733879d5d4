package dev.weblogs.testing;

import java.net.URI;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
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

    private static TestServices instance;

    private final URI brokerUri;
    private final ManagementApi management;
    private final String serverJdbcUrl;
    private final String dbUser;
    private final String dbPassword;

    private TestServices(URI brokerUri, URI managementUri, String serverJdbcUrl, String dbUser, String dbPassword) {
        this.brokerUri = brokerUri;
        String[] credentials = brokerUri.getUserInfo().split(":", 2);
        this.management = new ManagementApi(managementUri, credentials[0], credentials[1]);
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
        String name = management.newVhost();
        URI uri = URI.create(brokerUri.getScheme() + "://" + brokerUri.getRawUserInfo() + "@" + brokerUri.getHost()
                + ":" + (brokerUri.getPort() > 0 ? brokerUri.getPort() : 5672) + "/" + ManagementApi.encode(name));
        return new TestVhost(name, uri, () -> management.deleteVhost(name));
    }

    /** The arguments {@code queue} of {@code vhost} was declared with, as the broker holds them. */
    public com.fasterxml.jackson.databind.JsonNode queueArguments(TestVhost vhost, String queue) {
        return management.queue(vhost.name(), queue).get("arguments");
    }

    /** How many client connections to {@code vhost} the broker lists (its list lags a few seconds behind). */
    public int connections(TestVhost vhost) {
        return management.connections(vhost.name()).size();
    }

    /**
     * Closes every client connection to {@code vhost} from the broker's side, as a broker restart or a
     * failover would; returns how many there were.
     */
    public int closeConnections(TestVhost vhost) {
        int closed = 0;
        for (com.fasterxml.jackson.databind.JsonNode connection : management.connections(vhost.name())) {
            management.closeConnection(connection.get("name").asText());
            closed++;
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
}
