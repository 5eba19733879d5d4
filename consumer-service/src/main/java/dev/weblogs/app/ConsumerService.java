package dev.weblogs.app;

import com.rabbitmq.client.Connection;
import dev.weblogs.amqp.Broker;
import dev.weblogs.amqp.DeadLetterPublisher;
import dev.weblogs.amqp.DeliverySource;
import dev.weblogs.cli.BatchOptions;
import dev.weblogs.cli.BrokerOptions;
import dev.weblogs.cli.DatabaseOptions;
import dev.weblogs.cli.ServiceOptions;
import dev.weblogs.config.BatchSettings;
import dev.weblogs.config.BrokerSettings;
import dev.weblogs.failure.Causes;
import dev.weblogs.failure.ConfigurationException;
import dev.weblogs.lifecycle.Stop;
import dev.weblogs.metrics.Metrics;
import dev.weblogs.metrics.PeriodicLog;
import dev.weblogs.sink.BatchSink;
import dev.weblogs.sink.SetAside;
import dev.weblogs.sink.SinkMeters;
import dev.weblogs.store.Database;
import dev.weblogs.store.TableStore;
import java.time.Duration;
import java.util.Locale;
import java.util.Map;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A consumer program from start to stop: waits for the database and the broker at start, delivers its queue
 * into a {@link BatchSink} until a stop request (or a failure that needs a restart), then writes and
 * acknowledges what it has received and exits.
 */
public final class ConsumerService {

    private static final Logger log = LoggerFactory.getLogger(ConsumerService.class);
    private static final Duration STOP_TIMEOUT = Duration.ofSeconds(30);
    private static final Duration SUMMARY_PERIOD = Duration.ofSeconds(10);
    /** A line delivered more often than this (a quorum queue counts) is rejected instead of tried again. */
    private static final int DELIVERY_LIMIT = 20;

    private ConsumerService() {
    }

    /**
     * Runs until {@code stop} is requested.
     *
     * @return the exit status
     */
    public static <R> int run(ConsumerDefinition<R> consumer, BrokerOptions brokerOptions, DatabaseOptions database,
                              BatchOptions batchOptions, ServiceOptions service, Stop stop) throws Exception {
        BatchSettings batch = batchOptions.settings();
        Duration patience = service.startupTimeout();
        BrokerSettings brokerSettings = brokerOptions.settings();
        Broker broker = new Broker(brokerSettings, consumer.program(), stop);
        boolean deadLetters = consumer.rejections() == null;
        try (Metrics metrics = Metrics.start(consumer.program(), service.metricsPort());
             Database db = Database.connect(database.settings(), consumer.entities(), consumer.tables(),
                     patience, stop);
             Connection consuming = broker.connect(patience, true);
             Connection publishing = deadLetters ? new Broker(brokerSettings, consumer.program()
                     + " (dead letters)", stop).connect(patience, true) : null;
             DeliverySource source = new DeliverySource(consuming, broker.topology(), consumer.queue(),
                     batch.prefetch(), metrics.registry())) {
            SetAside setAside = deadLetters ? new DeadLetterPublisher(publishing, broker.topology(),
                    consumer.queue())::publish : SetAside.NOWHERE;
            String table = consumer.rows().table();
            SinkMeters meters = new SinkMeters(metrics.registry(), table);
            BatchSink<R> sink = new BatchSink<>(consumer.mapper(), new TableStore<>(db, consumer.rows(),
                    consumer.rejections()), setAside, source, batch, DELIVERY_LIMIT, meters, stop, table);
            metrics.healthFrom(() -> Map.of("broker", source.isConnected(), "database", sink.isDatabaseUp()));
            sink.start();
            source.start(sink, sink::fail);
            log.info("consuming {} into {} (batches of {}, flushed every {} ms, prefetch {})", consumer.queue(),
                    table, batch.batchSize(), batch.flushInterval().toMillis(), batch.prefetch());
            try (PeriodicLog summary = new PeriodicLog(SUMMARY_PERIOD, summary(table, meters))) {
                stop.await();
            }
            source.cancel();
            if (sink.failure() == null) {
                log.info("stopping: writing and acknowledging the lines received");
            }
            Throwable failure = sink.finish(STOP_TIMEOUT);
            if (failure != null) {
                ConfigurationException configuration = Causes.innermost(failure, ConfigurationException.class);
                if (configuration != null) {
                    throw configuration;
                }
                throw new IllegalStateException(failure.getMessage(), failure);
            }
            log.info("stopped");
            return 0;
        } catch (Stop.Stopped e) {
            log.info("stopped before it started");
            return 0;
        }
    }

    private static Supplier<String> summary(String table, SinkMeters meters) {
        long[] last = {0, System.nanoTime()};
        return () -> {
            long written = meters.written();
            long now = System.nanoTime();
            double perSecond = (written - last[0]) / ((now - last[1]) / 1e9);
            last[0] = written;
            last[1] = now;
            return String.format(Locale.ROOT, "%s: %d rows written (%.0f/s), %d duplicates absorbed, %d rejected, "
                    + "%d database retries", table, written, perSecond, meters.duplicates(), meters.rejected(),
                    meters.retries());
        };
    }
}
