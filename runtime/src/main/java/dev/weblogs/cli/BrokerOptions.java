package dev.weblogs.cli;

import dev.weblogs.failure.Secrets;
import java.net.URI;
import java.net.URISyntaxException;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.Option;
import picocli.CommandLine.TypeConversionException;

/** Where RabbitMQ is: shared by the three programs. */
public final class BrokerOptions {

    @Option(names = "--rabbitmq-uri", paramLabel = "<uri>", converter = AmqpUri.class,
            defaultValue = "amqp://guest:guest@localhost:5672/%2F",
            description = "RabbitMQ address, user and password; the vhost is the path (%%2F is '/').")
    private URI uri;

    public URI uri() {
        return uri;
    }

    /** Accepts only amqp:// and amqps:// URIs with a host. */
    static final class AmqpUri implements ITypeConverter<URI> {
        @Override
        public URI convert(String value) {
            try {
                URI uri = new URI(value);
                if (!"amqp".equals(uri.getScheme()) && !"amqps".equals(uri.getScheme()) || uri.getHost() == null) {
                    throw new TypeConversionException("'" + Secrets.mask(value)
                            + "' is not an amqp:// or amqps:// URI with a host");
                }
                return uri;
            } catch (URISyntaxException e) {
                throw new TypeConversionException("'" + Secrets.mask(value) + "' is not a URI ("
                        + e.getReason() + ")");
            }
        }
    }
}
