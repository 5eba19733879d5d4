package dev.weblogs.amqp;

import com.rabbitmq.client.Connection;
import com.rabbitmq.client.ConnectionFactory;
import com.rabbitmq.client.PossibleAuthenticationFailureException;
import com.rabbitmq.client.Recoverable;
import com.rabbitmq.client.RecoveryListener;
import com.rabbitmq.client.ShutdownSignalException;
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
import java.util.concurrent.TimeoutException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Connections to RabbitMQ. What the user can fix (an unreachable broker after the start-up patience,
 * refused credentials, an unknown vhost) is a {@link ConfigurationException} about the broker's URI.
 */
public final class Broker {

    private static final Logger log = LoggerFactory.getLogger(Broker.class);

    private final URI uri;
    private final String connectionName;
    private final Stop stop;

    /** {@code connectionName} is what the management UI shows for this program's connections. */
    public Broker(URI uri, String connectionName, Stop stop) {
        this.uri = uri;
        this.connectionName = connectionName;
        this.stop = stop;
    }

    /**
     * Connects, retrying for up to {@code patience} while the broker cannot be reached. Wrong credentials
     * or an unknown vhost fail at once.
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

    /** One attempt; for a caller that runs its own reconnection. */
    public Connection open(boolean recovering) throws IOException {
        ConnectionFactory factory = new ConnectionFactory();
        try {
            factory.setUri(uri);
        } catch (Exception e) {
            throw new ConfigurationException(Setting.BROKER_URI, "is not a valid AMQP URI (" + e.getMessage() + ")", e);
        }
        if (factory.isSSL()) {
            factory.enableHostnameVerification();
        }
        factory.setConnectionTimeout(5_000);
        factory.setHandshakeTimeout(10_000);
        factory.setRequestedHeartbeat(30);
        factory.setAutomaticRecoveryEnabled(recovering);
        factory.setTopologyRecoveryEnabled(recovering);
        factory.setRecoveryDelayHandler(attempts -> Retry.delayAfter(Math.max(1, attempts)).toMillis());
        try {
            Connection connection = factory.newConnection(connectionName);
            if (connection instanceof Recoverable recoverable) {
                recoverable.addRecoveryListener(new RecoveryLog());
            }
            return connection;
        } catch (PossibleAuthenticationFailureException e) {
            throw new ConfigurationException(Setting.BROKER_URI, "RabbitMQ at " + address() + " refused user '"
                    + factory.getUsername() + "': wrong user or password", e);
        } catch (IOException e) {
            String refusal = connectionRefusal(e);
            if (refusal != null) {
                throw new ConfigurationException(Setting.BROKER_URI, refusal, e);
            }
            throw e;
        } catch (TimeoutException e) {
            throw new IOException("timed out connecting to " + address(), e);
        }
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

    /** The broker's own reason for closing the connection during its opening (e.g. an unknown vhost). */
    private String connectionRefusal(IOException e) {
        ShutdownSignalException signal = Causes.innermost(e, ShutdownSignalException.class);
        if (signal == null || signal.getReason() == null || signal.getReason().protocolClassId() != 10
                || !signal.getMessage().contains("vhost")) {
            return null;
        }
        return signal.getMessage().contains("not found")
                ? "vhost '" + vhost() + "' does not exist on RabbitMQ at " + address()
                : "user has no access to vhost '" + vhost() + "' on RabbitMQ at " + address();
    }

    /** host:port, the part of the URI that may be shown (no user info). */
    public String address() {
        int port = uri.getPort() > 0 ? uri.getPort() : ("amqps".equals(uri.getScheme()) ? 5671 : 5672);
        return uri.getHost() + ":" + port;
    }

    private String vhost() {
        String path = uri.getRawPath();
        return path == null || path.length() <= 1 ? "/" : URLDecoder.decode(path.substring(1), StandardCharsets.UTF_8);
    }
}
