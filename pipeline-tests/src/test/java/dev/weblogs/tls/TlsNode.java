package dev.weblogs.tls;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * The RabbitMQ node with a TLS listener that {@code scripts/rabbitmq-tls.sh} starts beside the machine's broker,
 * with a test CA, a server certificate for localhost, a client certificate, and an unrelated CA.
 */
final class TlsNode {

    private static final Path SCRIPT = Path.of("../scripts/rabbitmq-tls.sh").toAbsolutePath().normalize();

    private final Map<String, String> values;

    private TlsNode(Map<String, String> values) {
        this.values = values;
    }

    /** Starts the node (or finds it running) and reads what the script says about it. */
    static TlsNode start() throws IOException, InterruptedException {
        Process process = new ProcessBuilder(SCRIPT.toString(), "start").redirectError(ProcessBuilder.Redirect.INHERIT)
                .start();
        String out = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (!process.waitFor(120, TimeUnit.SECONDS) || process.exitValue() != 0) {
            throw new IllegalStateException(SCRIPT + " start failed (it needs RabbitMQ installed and root): " + out);
        }
        Map<String, String> values = new HashMap<>();
        for (String line : out.split("\n")) {
            int equals = line.indexOf('=');
            if (equals > 0) {
                values.put(line.substring(0, equals), line.substring(equals + 1));
            }
        }
        return new TlsNode(values);
    }

    /** Stops the node: the tests after these need its CPU more. */
    static void stop() throws IOException, InterruptedException {
        Process process = new ProcessBuilder(SCRIPT.toString(), "stop").redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
        process.waitFor(60, TimeUnit.SECONDS);
    }

    String get(String name) {
        String value = values.get("WEBLOGS_RABBIT_TLS_" + name);
        if (value == null) {
            throw new IllegalStateException(SCRIPT + " did not say WEBLOGS_RABBIT_TLS_" + name);
        }
        return value;
    }
}
