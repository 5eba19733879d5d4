package dev.weblogs.amqp;

import com.rabbitmq.client.Address;
import com.rabbitmq.client.Connection;
import com.rabbitmq.client.ConnectionFactory;
import com.rabbitmq.client.PossibleAuthenticationFailureException;
import com.rabbitmq.client.Recoverable;
import com.rabbitmq.client.RecoveryListener;
import com.rabbitmq.client.impl.DefaultExceptionHandler;
import dev.weblogs.config.BrokerSettings;
import dev.weblogs.failure.Causes;
import dev.weblogs.failure.ConfigurationException;
import dev.weblogs.failure.Retry;
import dev.weblogs.failure.Setting;
import dev.weblogs.lifecycle.Stop;
import java.io.IOException;
import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.TimeoutException;
import java.util.stream.Collectors;
import javax.net.ssl.SSLContext;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Connections to RabbitMQ: to any node of the list that answers, over TLS for {@code amqps://}. What the user
 * can fix (an unreachable broker after the start-up patience, refused credentials, an unknown vhost, a
 * certificate not trusted) is a {@link ConfigurationException} naming the setting.
 */
public final class Broker {

    private static final Logger log = LoggerFactory.getLogger(Broker.class);

    private final BrokerSettings settings;
    private final String connectionName;
    private final Stop stop;
    private final Topology topology;
    private final SSLContext tls;

    /** {@code connectionName} is what the management UI shows for this program's connections. */
    public Broker(BrokerSettings settings, String connectionName, Stop stop) {
        this.settings = settings;
        this.connectionName = connectionName;
        this.stop = stop;
        this.topology = new Topology(settings.queueType());
        URI first = settings.nodes().get(0);
        this.tls = "amqps".equals(first.getScheme())
                ? TlsContext.of(settings.caFile(), settings.clientCertFile(), settings.clientKeyFile()) : null;
    }

    /** The exchanges and queues, of the queue type the settings say. */
    public Topology topology() {
        return topology;
    }

    /**
     * Connects, retrying for up to {@code patience} while no node can be reached. Wrong credentials, an unknown
     * vhost or a certificate that is not trusted fail at once.
     *
     * @param recovering whether the client library should recover the connection and its consumers
     */
    public Connection connect(Duration patience, boolean recovering) {
        try {
            return Retry.call(() -> open(recovering), e -> e instanceof IOException, patience, stop,
                    "waiting for RabbitMQ at " + address(), e -> log.info("cannot reach RabbitMQ at {} ({}); retrying "
                            + "for up to {} s", address(), Causes.rootMessage(e), patience.toSeconds()));
        } catch (IOException e) {
            throw new ConfigurationException(Setting.BROKER_URI, "cannot reach RabbitMQ at " + address() + " ("
                    + Causes.rootMessage(e) + ")" + (patience.isZero() ? "" : " after trying for "
                    + patience.toSeconds() + " s"), e);
        } catch (RuntimeException e) {
            throw e;
        } catch (Exception e) {
            throw new IllegalStateException(e.getMessage(), e);
        }
    }

    /** One attempt, at the nodes in a random order; for a caller that runs its own reconnection. */
    public Connection open(boolean recovering) throws IOException {
        ConnectionFactory factory = factory(recovering);
        List<Address> addresses = new ArrayList<>();
        for (URI node : settings.nodes()) {
            addresses.add(new Address(node.getHost(), port(node)));
        }
        Collections.shuffle(addresses);
        try {
            Connection connection = factory.newConnection(addresses, connectionName);
            if (connection instanceof Recoverable recoverable) {
                recoverable.addRecoveryListener(new RecoveryLog());
            }
            return connection;
        } catch (PossibleAuthenticationFailureException e) {
            throw new ConfigurationException(settings.password() == null ? Setting.BROKER_URI
                    : Setting.BROKER_PASSWORD_FILE, "RabbitMQ at " + address() + " refused user '"
                    + factory.getUsername() + "': wrong user or password", e);
        } catch (IOException e) {
            ConfigurationException refusal = BrokerRefusals.of(e, address(), vhost(), settings.caFile() != null);
            if (refusal != null) {
                throw refusal;
            }
            throw e;
        } catch (TimeoutException e) {
            throw new IOException("timed out connecting to " + address(), e);
        }
    }

    private ConnectionFactory factory(boolean recovering) {
        ConnectionFactory factory = new ConnectionFactory();
        try {
            factory.setUri(settings.nodes().get(0));
        } catch (Exception e) {
            throw new ConfigurationException(Setting.BROKER_URI, "is not a valid AMQP URI (" + e.getMessage() + ")", e);
        }
        if (settings.password() != null) {
            factory.setPassword(settings.password());
        }
        if (tls != null) {
            factory.useSslProtocol(tls);
            factory.enableHostnameVerification();
        }
        factory.setConnectionTimeout(5_000);
        factory.setHandshakeTimeout(10_000);
        factory.setRequestedHeartbeat(30);
        factory.setAutomaticRecoveryEnabled(recovering);
        factory.setTopologyRecoveryEnabled(recovering);
        factory.setRecoveryDelayHandler(attempts -> Retry.delayAfter(Math.max(1, attempts)).toMillis());
        factory.setExceptionHandler(new DefaultExceptionHandler() {
            @Override
            public void handleUnexpectedConnectionDriverException(Connection connection, Throwable exception) {
                // The connection closes with it, and what follows (a reconnection, or one line) says what it means.
                log.debug("connection driver: {}", exception.toString());
            }
        });
        return factory;
    }

    /** Says when a recovering connection is lost and when it is back. */
    private final class RecoveryLog implements RecoveryListener {
        @Override
        public void handleRecoveryStarted(Recoverable recoverable) {
            log.warn("lost the connection to RabbitMQ at {}; reconnecting (unacknowledged lines will be redelivered)",
                    address());
        }

        @Override
        public void handleRecovery(Recoverable recoverable) {
            log.info("reconnected to RabbitMQ at {}", address());
        }
    }

    private static int port(URI node) {
        return node.getPort() > 0 ? node.getPort() : ("amqps".equals(node.getScheme()) ? 5671 : 5672);
    }

    /** host:port of each node, the part of the URIs that may be shown (no user info). */
    public String address() {
        return settings.nodes().stream().map(node -> node.getHost() + ":" + port(node))
                .collect(Collectors.joining(", "));
    }

    private String vhost() {
        String path = settings.nodes().get(0).getRawPath();
        return path == null || path.length() <= 1 ? "/" : URLDecoder.decode(path.substring(1), StandardCharsets.UTF_8);
    }
}
