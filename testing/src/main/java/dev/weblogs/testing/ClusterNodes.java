package dev.weblogs.testing;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * The three-node RabbitMQ cluster that {@code scripts/rabbitmq-cluster.sh} runs beside the machine's broker
 * (nodes rmq1..rmq3@localhost, AMQP on 5681..5683, management on 15681..15683), and what the cluster tests do to
 * it: kill a node, stop and start one, close the connections one node serves.
 */
public final class ClusterNodes {

    private static final Path SCRIPT = Path.of("../scripts/rabbitmq-cluster.sh").toAbsolutePath().normalize();
    private static final int NODES = 3;

    private final List<ManagementApi> management = new ArrayList<>();

    private ClusterNodes() {
        for (int node = 1; node <= NODES; node++) {
            management.add(new ManagementApi(URI.create("http://127.0.0.1:" + (15680 + node)), "weblogs", "weblogs"));
        }
    }

    /** Starts the cluster, or finds it running. */
    public static ClusterNodes start() throws IOException, InterruptedException {
        script("start");
        return new ClusterNodes();
    }

    public void stopAll() throws IOException, InterruptedException {
        script("stop");
    }

    /** A vhost of its own for one test, on the cluster (declared through node 1). */
    public TestVhost newVhost() {
        String name = management.get(0).newVhost();
        return new TestVhost(name, uri(1, name), () -> management.get(0).deleteVhost(name));
    }

    /** The URIs of the three nodes for {@code vhost}, as RABBITMQ_URI takes them. */
    public String uris(TestVhost vhost) {
        List<String> uris = new ArrayList<>();
        for (int node = 1; node <= NODES; node++) {
            uris.add(uri(node, vhost.name()).toString());
        }
        return String.join(",", uris);
    }

    private static URI uri(int node, String vhost) {
        return URI.create("amqp://weblogs:weblogs@127.0.0.1:" + (5680 + node) + "/" + ManagementApi.encode(vhost));
    }

    /** {@code kill -9} of a node's VM: a crash. */
    public void kill(int node) throws IOException, InterruptedException {
        script("kill", String.valueOf(node));
    }

    /** Starts a node again with its data; returns once it has rejoined. */
    public void startNode(int node) throws IOException, InterruptedException {
        script("start-node", String.valueOf(node));
    }

    public void stopNode(int node) throws IOException, InterruptedException {
        script("stop-node", String.valueOf(node));
    }

    /** The node (1..3) that leads {@code queue}; asked of a node that is up. */
    public int leaderOf(TestVhost vhost, String queue, int askNode) {
        String leader = management.get(askNode - 1).queue(vhost.name(), queue).path("leader").asText();
        return Integer.parseInt(leader.replaceAll("^rmq(\\d+)@.*$", "$1"));
    }

    /** Whether every member of {@code queue} is online again (after a node came back). */
    public boolean allOnline(TestVhost vhost, String queue, int askNode) {
        JsonNode info = management.get(askNode - 1).queue(vhost.name(), queue);
        return info.path("online").size() == NODES;
    }

    /** Closes, from the broker's side, every client connection to {@code vhost} that {@code node} serves. */
    public int closeConnectionsOn(TestVhost vhost, int node) {
        int closed = 0;
        for (JsonNode connection : management.get(node - 1).connections(vhost.name())) {
            if (connection.path("node").asText().startsWith("rmq" + node + "@")) {
                management.get(node - 1).closeConnection(connection.get("name").asText());
                closed++;
            }
        }
        return closed;
    }

    /** Client connections to {@code vhost} the cluster lists. */
    public int connections(TestVhost vhost, int askNode) {
        return management.get(askNode - 1).connections(vhost.name()).size();
    }

    private static void script(String... args) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of(SCRIPT.toString()));
        command.addAll(List.of(args));
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        String out = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (!process.waitFor(180, TimeUnit.SECONDS) || process.exitValue() != 0) {
            throw new IllegalStateException(SCRIPT + " " + String.join(" ", args) + " failed (it needs RabbitMQ "
                    + "installed and root):\n" + out);
        }
    }
}
