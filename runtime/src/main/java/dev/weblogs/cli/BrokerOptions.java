package dev.weblogs.cli;

import dev.weblogs.config.BrokerSettings;
import dev.weblogs.config.QueueType;
import dev.weblogs.failure.Secrets;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.Option;
import picocli.CommandLine.TypeConversionException;

/** Where RabbitMQ is and how to trust it: shared by the three programs. */
public final class BrokerOptions {

    @Option(names = "--rabbitmq-uri", paramLabel = "<uris>", converter = AmqpUris.class,
            defaultValue = "amqp://guest:guest@localhost:5672/%2F",
            description = "RabbitMQ address, user and password; the vhost is the path (%%2F is '/'). For a "
                    + "cluster, the URIs of its nodes separated by commas, with the same user, password and vhost.")
    private Nodes nodes;

    @Option(names = "--rabbitmq-password-file", paramLabel = "<file>",
            description = "The broker password is the first line of this file (a Docker secret); the URIs then "
                    + "need only the user.")
    private Path passwordFile;

    @Option(names = "--rabbitmq-ca-file", paramLabel = "<pem>",
            description = "For amqps://: the certificate of the authority that signed the broker's (PEM); the "
                    + "JVM's trust store when unset.")
    private Path caFile;

    @Option(names = "--rabbitmq-client-cert-file", paramLabel = "<pem>",
            description = "For a broker that asks for a client certificate: this one (PEM).")
    private Path clientCertFile;

    @Option(names = "--rabbitmq-client-key-file", paramLabel = "<pem>",
            description = "The client certificate's private key (PKCS#8 PEM, unencrypted).")
    private Path clientKeyFile;

    @Option(names = "--queue-type", paramLabel = "<classic|quorum>", defaultValue = "classic",
            converter = QueueTypes.class,
            description = "classic: the single-node layout; quorum: queues replicated on the nodes of a cluster.")
    private QueueType queueType;

    public BrokerSettings settings() {
        if ((clientCertFile == null) != (clientKeyFile == null)) {
            throw new SettingException(clientCertFile == null ? "--rabbitmq-client-cert-file"
                    : "--rabbitmq-client-key-file", "a client certificate needs both its certificate and its key file");
        }
        String password = passwordFile == null ? null : SecretFile.read(passwordFile, "--rabbitmq-password-file");
        return new BrokerSettings(nodes.uris(), password, caFile, clientCertFile, clientKeyFile, queueType);
    }

    /** The nodes' URIs, as one option value. */
    record Nodes(List<URI> uris) {
    }

    /** One amqp:// or amqps:// URI with a host, or several for a cluster, with the same user and vhost. */
    static final class AmqpUris implements ITypeConverter<Nodes> {
        @Override
        public Nodes convert(String value) {
            List<URI> uris = new ArrayList<>();
            for (String part : value.split(",")) {
                uris.add(uri(part.trim()));
            }
            URI first = uris.get(0);
            for (URI other : uris) {
                if (!Objects.equals(other.getScheme(), first.getScheme()) || !Objects.equals(other.getRawUserInfo(),
                        first.getRawUserInfo()) || !Objects.equals(other.getRawPath(), first.getRawPath())) {
                    throw new TypeConversionException("'" + Secrets.mask(value) + "' lists nodes with different "
                            + "schemes, users, passwords or vhosts: the nodes of one cluster share them");
                }
            }
            return new Nodes(List.copyOf(uris));
        }

        private static URI uri(String value) {
            try {
                URI uri = new URI(value);
                if (!"amqp".equals(uri.getScheme()) && !"amqps".equals(uri.getScheme()) || uri.getHost() == null) {
                    throw new TypeConversionException("'" + Secrets.mask(value)
                            + "' is not an amqp:// or amqps:// URI with a host");
                }
                return uri;
            } catch (URISyntaxException e) {
                throw new TypeConversionException("'" + Secrets.mask(value) + "' is not a URI (" + e.getReason() + ")");
            }
        }
    }

    /** {@code classic} or {@code quorum}, in any case. */
    static final class QueueTypes implements ITypeConverter<QueueType> {
        @Override
        public QueueType convert(String value) {
            try {
                return QueueType.valueOf(value.trim().toUpperCase(java.util.Locale.ROOT));
            } catch (IllegalArgumentException e) {
                throw new TypeConversionException("'" + value + "' is neither classic nor quorum");
            }
        }
    }
}
