package dev.weblogs.amqp;

import com.rabbitmq.client.MalformedFrameException;
import com.rabbitmq.client.ShutdownSignalException;
import dev.weblogs.failure.Causes;
import dev.weblogs.failure.ConfigurationException;
import dev.weblogs.failure.Setting;
import java.io.IOException;
import javax.net.ssl.SSLException;
import javax.net.ssl.SSLHandshakeException;

/**
 * Why a broker would not let a connection open, when retrying cannot help: an unknown vhost, no access to it, a
 * certificate not trusted, a TLS port spoken to in plain AMQP or the reverse. {@code null} for a failure that
 * may pass (the broker not up yet).
 */
final class BrokerRefusals {

    private BrokerRefusals() {
    }

    static ConfigurationException of(IOException e, String address, String vhost, boolean caGiven) {
        ShutdownSignalException signal = Causes.innermost(e, ShutdownSignalException.class);
        if (signal != null && signal.getReason() != null && signal.getReason().protocolClassId() == 10
                && signal.getMessage().contains("vhost")) {
            return new ConfigurationException(Setting.BROKER_URI, signal.getMessage().contains("not found")
                    ? "vhost '" + vhost + "' does not exist on RabbitMQ at " + address
                    : "user has no access to vhost '" + vhost + "' on RabbitMQ at " + address, e);
        }
        SSLHandshakeException handshake = Causes.innermost(e, SSLHandshakeException.class);
        String root = Causes.rootMessage(e);
        if (handshake != null && (root.contains("PKIX") || root.contains("certification path"))) {
            return new ConfigurationException(Setting.BROKER_CA_FILE, "RabbitMQ at " + address + " presented a "
                    + "certificate that " + (caGiven ? "this CA file does not vouch for" : "the JVM's trust store does "
                    + "not vouch for: give the certificate of the authority that signed it") + " (" + root + ")", e);
        }
        if (handshake != null && (root.contains("subject alternative") || root.contains("No name matching"))) {
            return new ConfigurationException(Setting.BROKER_URI, "RabbitMQ at " + address + " presented a certificate "
                    + "for another host name (" + root + ")", e);
        }
        if (Causes.innermost(e, MalformedFrameException.class) != null) {
            return new ConfigurationException(Setting.BROKER_URI, "RabbitMQ at " + address + " answered something that "
                    + "is not AMQP: if that port is a TLS listener, use amqps:// (" + root + ")", e);
        }
        SSLException tls = Causes.innermost(e, SSLException.class);
        if (tls != null && (root.contains("plaintext") || root.contains("unrecognized SSL message"))) {
            return new ConfigurationException(Setting.BROKER_URI, "RabbitMQ at " + address + " does not speak TLS on "
                    + "that port: use amqp://, or the port of its TLS listener (" + root + ")", e);
        }
        return null;
    }
}
