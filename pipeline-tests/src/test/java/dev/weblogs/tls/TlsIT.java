package dev.weblogs.tls;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.rabbitmq.client.Channel;
import com.rabbitmq.client.Connection;
import com.rabbitmq.client.ConnectionFactory;
import dev.weblogs.lake.DataLakeConsumer;
import dev.weblogs.lifecycle.Stop;
import dev.weblogs.producer.LogsProducer;
import dev.weblogs.testing.Eventually;
import dev.weblogs.testing.RunningProgram;
import dev.weblogs.testing.TestDatabase;
import dev.weblogs.testing.TestServices;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The pipeline over {@code amqps://} to a real RabbitMQ TLS listener: it works with the CA that signed the
 * broker's certificate (and with a client certificate); a wrong CA, a TLS port spoken to in plain AMQP, a plain
 * port in TLS and a certificate for another name each fail at once with one line naming what to fix.
 */
class TlsIT {

    private static TlsNode node;

    @TempDir
    Path dir;

    private Path log;

    @BeforeAll
    static void tlsNode() throws Exception {
        node = TlsNode.start();
    }

    @AfterAll
    static void stopTlsNode() throws Exception {
        TlsNode.stop();
    }

    @BeforeEach
    void emptyQueues() throws Exception {
        ConnectionFactory factory = new ConnectionFactory();
        factory.setUri(node.get("PLAIN_URI"));
        try (Connection connection = factory.newConnection(); Channel channel = connection.createChannel()) {
            for (String queue : List.of("queue-data-lake", "queue-data-clean", "queue-data-lake-dead-letter")) {
                channel.queueDelete(queue);
            }
        }
        log = dir.resolve("access.log");
        StringBuilder lines = new StringBuilder();
        for (int i = 0; i < 200; i++) {
            lines.append("10.0.0.").append(i % 250).append(" - - [01/Mar/2023:00:00:09 -0500] \"GET /tls/").append(i)
                    .append(" HTTP/1.1\" 200 ").append(i).append(" -\n");
        }
        Files.writeString(log, lines);
    }

    @Test
    void linesGoThroughTlsToTheTableWithTheBrokersCaAndWithAClientCertificate() throws Exception {
        try (TestDatabase db = TestServices.get().newDatabase()) {
            Map<String, String> env = env(node.get("URI"));
            env.put("RABBITMQ_CA_FILE", node.get("CA"));
            env.put("DB_URL", db.url());
            env.put("DB_USER", db.user());
            env.put("DB_PASSWORD", db.password());
            RunningProgram lake = RunningProgram.start("lake", stop -> DataLakeConsumer.run(new String[0], env, stop));
            assertEquals(0, LogsProducer.run(new String[0], env, new Stop()));
            assertEquals(200, Eventually.poll(Duration.ofSeconds(60), () -> db.count("SELECT COUNT(*) FROM `raw-log`"),
                    n -> n >= 200));

            Map<String, String> withClientCertificate = new HashMap<>(env);
            withClientCertificate.put("RABBITMQ_CLIENT_CERT_FILE", node.get("CLIENT_CERT"));
            withClientCertificate.put("RABBITMQ_CLIENT_KEY_FILE", node.get("CLIENT_KEY"));
            Files.writeString(log, "10.0.0.1 - - [01/Mar/2023:00:00:09 -0500] \"GET /client-cert HTTP/1.1\" 200 1 -\n",
                    java.nio.file.StandardOpenOption.APPEND);
            assertEquals(0, LogsProducer.run(new String[0], withClientCertificate, new Stop()));
            assertEquals(201, Eventually.poll(Duration.ofSeconds(60), () -> db.count("SELECT COUNT(*) FROM `raw-log`"),
                    n -> n >= 201));
            assertEquals(0, lake.stop(Duration.ofSeconds(30)));
        }
    }

    @Test
    void aCaThatDidNotSignTheBrokersCertificateIsRefusedAtOnceInOneLine() throws Exception {
        Map<String, String> env = env(node.get("URI"));
        env.put("RABBITMQ_CA_FILE", node.get("WRONG_CA"));
        assertOneLine(env, "logs-producer: RABBITMQ_CA_FILE (--rabbitmq-ca-file): RabbitMQ at localhost:5690 presented a "
                + "certificate that this CA file does not vouch for");
    }

    @Test
    void plainAmqpToTheTlsPortFailsClearly() throws Exception {
        String plainToTls = node.get("URI").replace("amqps://", "amqp://");
        assertOneLine(env(plainToTls), "logs-producer: RABBITMQ_URI (--rabbitmq-uri): RabbitMQ at localhost:5690 answered "
                + "something that is not AMQP: if that port is a TLS listener, use amqps://");
    }

    @Test
    void tlsToThePlainPortAndACertificateForAnotherNameFailClearly() throws Exception {
        Map<String, String> tlsToPlain = env(node.get("PLAIN_URI").replace("amqp://", "amqps://"));
        tlsToPlain.put("RABBITMQ_CA_FILE", node.get("CA"));
        assertOneLine(tlsToPlain, "logs-producer: RABBITMQ_URI (--rabbitmq-uri): RabbitMQ at 127.0.0.1:5691 does not "
                + "speak TLS on that port");
        String host = java.net.InetAddress.getLocalHost().getHostName();
        Map<String, String> otherName = env(node.get("URI").replace("@localhost:", "@" + host + ":"));
        otherName.put("RABBITMQ_CA_FILE", node.get("CA"));
        assertOneLine(otherName, "logs-producer: RABBITMQ_URI (--rabbitmq-uri): RabbitMQ at " + host + ":5690 presented a "
                + "certificate for another host name");
    }

    @Test
    void theBrokerPasswordCanComeFromAFile() throws Exception {
        Path secret = dir.resolve("rabbitmq-password");
        Files.writeString(secret, "weblogs\n");
        Map<String, String> env = env(node.get("URI").replace("weblogs:weblogs@", "weblogs@"));
        env.put("RABBITMQ_CA_FILE", node.get("CA"));
        env.put("RABBITMQ_PASSWORD_FILE", secret.toString());
        assertEquals(0, LogsProducer.run(new String[0], env, new Stop()));
        Files.writeString(secret, "not-the-password\n");
        assertOneLine(env, "logs-producer: RABBITMQ_PASSWORD_FILE (--rabbitmq-password-file): RabbitMQ at localhost:5690 "
                + "refused user 'weblogs': wrong user or password");
    }

    private Map<String, String> env(String uri) {
        Map<String, String> env = new HashMap<>();
        env.put("RABBITMQ_URI", uri);
        env.put("LOG_FILE", log.toString());
        env.put("STATE_DIR", dir.resolve("state").toString());
        env.put("STARTUP_TIMEOUT", "20");
        return env;
    }

    /** The producer exits 1 within seconds with one line on standard error that starts with {@code line}. */
    private static void assertOneLine(Map<String, String> env, String line) throws Exception {
        PrintStream err = System.err;
        ByteArrayOutputStream captured = new ByteArrayOutputStream();
        long began = System.nanoTime();
        int status;
        try {
            System.setErr(new PrintStream(captured, true, StandardCharsets.UTF_8));
            status = LogsProducer.run(new String[0], env, new Stop());
        } finally {
            System.setErr(err);
        }
        String output = captured.toString(StandardCharsets.UTF_8);
        assertEquals(1, status, output);
        List<String> lines = output.lines().filter(l -> l.startsWith("logs-producer:")).toList();
        assertEquals(1, lines.size(), output);
        assertTrue(lines.get(0).startsWith(line), output);
        assertFalse(output.contains("\tat "), "no stack trace:\n" + output);
        assertTrue(Duration.ofNanos(System.nanoTime() - began).toSeconds() < 15, "final at once, not retried");
    }
}
