package dev.weblogs.bench;

import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.UUID;

/**
 * The RabbitMQ and the database server the bench runs against, and the scratch vhosts and databases it
 * creates there: named after this run and the measurement, and removed afterwards.
 */
final class Services {

    private final URI broker;
    private final RabbitManagement management;
    private final DatabaseServer database;
    private final Cleanup cleanup;
    private final String run = UUID.randomUUID().toString().substring(0, 8);

    /**
     * @param broker     its host, port, user and password are used; its vhost is not
     * @param management the management API; {@code null} for port 15672 of the broker's host
     */
    Services(URI broker, URI management, DatabaseServer database, Cleanup cleanup) {
        this.broker = broker;
        this.management = new RabbitManagement(management != null ? management
                : URI.create("http://" + broker.getHost() + ":15672"), user(), password());
        this.database = database;
        this.cleanup = cleanup;
    }

    String rabbitVersion() {
        return management.version();
    }

    String databaseVersion() {
        return database.version();
    }

    Vhost newVhost(String purpose) {
        String name = "weblogs-bench-" + run + "-" + purpose;
        management.createVhost(name, user());
        String userInfo = broker.getRawUserInfo() == null ? "guest:guest" : broker.getRawUserInfo();
        Vhost vhost = new Vhost(name, URI.create(broker.getScheme() + "://" + userInfo + "@"
                + broker.getHost() + ":" + port() + "/" + URLEncoder.encode(name, StandardCharsets.UTF_8)),
                management, cleanup);
        return cleanup.register(vhost);
    }

    /** A vhost with the pipeline's topology and a database, for one measurement with the programs. */
    Sandbox newSandbox(String purpose) throws Exception {
        Vhost vhost = newVhost(purpose);
        try {
            ScratchDatabase scratch = database.create("weblogs_bench_" + run + "_" + purpose.replace('-', '_'),
                    cleanup);
            try {
                return new Sandbox(vhost, scratch, QueueProbe.open(vhost.uri()));
            } catch (Exception e) {
                scratch.close();
                throw e;
            }
        } catch (Exception e) {
            vhost.close();
            throw e;
        }
    }

    private int port() {
        return broker.getPort() > 0 ? broker.getPort() : "amqps".equals(broker.getScheme()) ? 5671 : 5672;
    }

    private String user() {
        return userInfo()[0];
    }

    private String password() {
        String[] info = userInfo();
        return info.length > 1 ? info[1] : "";
    }

    private String[] userInfo() {
        String info = broker.getUserInfo();
        return info == null ? new String[] {"guest", "guest"} : info.split(":", 2);
    }
}
