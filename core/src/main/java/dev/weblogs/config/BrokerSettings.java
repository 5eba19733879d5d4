package dev.weblogs.config;

import java.net.URI;
import java.nio.file.Path;
import java.util.List;

/**
 * How to reach RabbitMQ.
 *
 * @param nodes          the URIs of the nodes, one or a cluster's (same user, password and vhost): the programs
 *                       connect to any that answers and move to another when theirs goes
 * @param password       the password, when it comes from a file rather than the URIs; {@code null} otherwise;
 *                       never logged
 * @param caFile         the PEM certificate(s) of the authority that signed the broker's certificate, for
 *                       {@code amqps://}; {@code null} for the JVM's own trust store
 * @param clientCertFile a PEM client certificate for brokers that ask for one; {@code null} for none
 * @param clientKeyFile  its PKCS#8 PEM private key
 * @param queueType      how the queues are declared
 */
public record BrokerSettings(List<URI> nodes, String password, Path caFile, Path clientCertFile, Path clientKeyFile,
                             QueueType queueType) {

    public BrokerSettings {
        nodes = List.copyOf(nodes);
    }

    @Override
    public String toString() {
        return "BrokerSettings[nodes=" + nodes.size() + ", queueType=" + queueType + "]";
    }
}
