package dev.weblogs.bench;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Item 10: the broker ceiling of item 1 on a three-node cluster of this machine with quorum queues, beside
 * one node with quorum queues, so that what replication costs is measured apart from what the queue type
 * costs. The cluster is the tests' ({@code scripts/rabbitmq-cluster.sh}, vhost {@code /}); the bench starts
 * it when it is not running and then stops it again.
 */
final class ClusterCeiling {

    private static final String QUORUM = "x-queue-type=quorum";

    record Result(BrokerCeiling.Result singleNodeQuorum, BrokerCeiling.Result clusterQuorum) {
    }

    private ClusterCeiling() {
    }

    static Result measure(Services services, Programs programs, Path project, int messageSize, Duration duration)
            throws Exception {
        BrokerCeiling.Result single;
        try (Vhost vhost = services.newVhost("perftest-quorum")) {
            single = BrokerCeiling.run(programs, List.of("--uri", vhost.uri().toString()), QUORUM, messageSize,
                    duration);
        }
        Path script = project.resolve("scripts/rabbitmq-cluster.sh");
        boolean wasRunning = script(script, "status").exitCode() == 0;
        Outcome started = script(script, "start");
        try {
            if (started.exitCode() != 0) {
                throw new IllegalStateException(script + " start failed (exit " + started.exitCode() + ")");
            }
            String uris = started.stdout().strip();
            BrokerCeiling.Result cluster = BrokerCeiling.run(programs, List.of("--uris", uris), QUORUM, messageSize,
                    duration);
            return new Result(single, cluster);
        } finally {
            if (wasRunning) {
                for (String queue : List.of("perf-test-1", "perf-test-2")) {
                    script(script, "cli", "1", "rabbitmqctl", "delete_queue", queue);
                }
            } else {
                script(script, "purge");
            }
        }
    }

    private record Outcome(int exitCode, String stdout) {
    }

    private static Outcome script(Path script, String... arguments) throws IOException, InterruptedException {
        List<String> command = new java.util.ArrayList<>(List.of("bash", script.toString()));
        command.addAll(List.of(arguments));
        Process process = new ProcessBuilder(command).redirectError(ProcessBuilder.Redirect.INHERIT).start();
        byte[] out = process.getInputStream().readAllBytes();
        if (!process.waitFor(5, TimeUnit.MINUTES)) {
            process.destroyForcibly();
            throw new IllegalStateException(script + " " + String.join(" ", arguments) + " did not end in 5 min");
        }
        return new Outcome(process.exitValue(), new String(out, StandardCharsets.UTF_8));
    }
}
