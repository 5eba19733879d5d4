package dev.weblogs.app;

import com.rabbitmq.client.Connection;
import dev.weblogs.amqp.BatchSettings;
import dev.weblogs.amqp.BatchingConsumer;
import dev.weblogs.amqp.Broker;
import dev.weblogs.amqp.DeadLetterPublisher;
import dev.weblogs.cli.BatchOptions;
import dev.weblogs.cli.BrokerOptions;
import dev.weblogs.cli.DatabaseOptions;
import dev.weblogs.cli.ServiceOptions;
import dev.weblogs.cli.Startup;
import dev.weblogs.metrics.Metrics;
import dev.weblogs.metrics.PeriodicLog;
import dev.weblogs.store.Database;
import dev.weblogs.store.DatabaseSettings;
import dev.weblogs.transform.LineMapper;
import io.micrometer.core.instrument.MeterRegistry;
import jakarta.persistence.Table;
import java.net.URI;
import java.time.Duration;
import java.util.Locale;
import java.util.Map;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A consumer program from start to stop: connects to the database and the broker (waiting for them at
 * start), consumes until SIGTERM, Ctrl-C or an interrupt, then writes what it has, acknowledges and exits.
 */
public final class ConsumerService<R> {

    private static final Logger log = LoggerFactory.getLogger(ConsumerService.class);
    private static final Duration STOP_TIMEOUT = Duration.ofSeconds(30);
    private static final Duration SUMMARY_PERIOD = Duration.ofSeconds(10);

    private final String program;
    private final String queue;
    private final Class<R> entity;
    private final String table;
    private final LineMapper<R> mapper;
    private final URI broker;
    private final DatabaseSettings database;
    private final BatchSettings batch;
    private final Duration patience;
    private final Integer metricsPort;

    private ConsumerService(String program, String queue, Class<R> entity, LineMapper<R> mapper,
                            BrokerOptions broker, DatabaseOptions database, BatchOptions batch, ServiceOptions service) {
        this.program = program;
        this.queue = queue;
        this.entity = entity;
        this.table = entity.getAnnotation(Table.class).name();
        this.mapper = mapper;
        this.broker = broker.uri();
        this.database = database.settings();
        this.batch = batch.settings();
        this.patience = service.startupTimeout();
        this.metricsPort = service.metricsPort();
    }

    /**
     * Runs until stopped.
     *
     * @param program the program's name, for the broker connections and the metrics
     * @param queue   the queue to consume
     * @param entity  the entity class of the rows, whose table is created if missing
     * @param mapper  what turns a line into a row
     * @return the exit status
     */
    public static <R> int run(String program, String queue, Class<R> entity, LineMapper<R> mapper,
                              BrokerOptions broker, DatabaseOptions database, BatchOptions batch,
                              ServiceOptions service) throws Exception {
        ConsumerService<R> consumer = new ConsumerService<>(program, queue, entity, mapper, broker, database, batch,
                service);
        StopSignal.install(Thread.currentThread()::interrupt);
        try {
            return consumer.consume();
        } catch (Startup.StoppedBeforeStartException e) {
            log.info("stopped before it started");
            return 0;
        }
    }

    private int consume() throws Exception {
        try (Metrics metrics = Metrics.start(program, metricsPort);
             Database store = Database.connect(database, entity, patience);
             Connection consuming = new Broker(broker, program).connect(patience, true);
             Connection publishing = new Broker(broker, program + " (dead letters)").connect(patience, true)) {
            BatchingConsumer<R> consumer = new BatchingConsumer<>(consuming, queue,
                    new DeadLetterPublisher(publishing, queue), table, mapper, store, batch, metrics.registry());
            metrics.healthFrom(() -> Map.of("broker", consumer.isBrokerConnected(),
                    "database", consumer.isDatabaseUp()));
            consumer.start();
            try (PeriodicLog summary = new PeriodicLog(SUMMARY_PERIOD, summary(metrics.registry()))) {
                Throwable failure = consumer.awaitTermination();
                if (failure != null) {
                    throw new IllegalStateException(failure.getMessage(), failure);
                }
            } catch (InterruptedException e) {
                log.info("stopping: writing and acknowledging the lines received");
                consumer.stop(STOP_TIMEOUT);
            } finally {
                consumer.close();
            }
            log.info("stopped");
            return 0;
        }
    }

    private Supplier<String> summary(MeterRegistry meters) {
        long[] last = {0, System.nanoTime()};
        return () -> {
            long written = count(meters, "weblogs.rows.written", "table", table);
            long now = System.nanoTime();
            double perSecond = (written - last[0]) / ((now - last[1]) / 1e9);
            last[0] = written;
            last[1] = now;
            return String.format(Locale.ROOT, "%s: %d rows written (%.0f/s), %d duplicates absorbed, "
                            + "%d dead-lettered, %d database retries", table, written, perSecond,
                    count(meters, "weblogs.rows.duplicates", "table", table),
                    count(meters, "weblogs.lines.dead.lettered", "queue", queue),
                    count(meters, "weblogs.database.retries", "table", table));
        };
    }

    private static long count(MeterRegistry meters, String name, String tag, String value) {
        return (long) meters.get(name).tag(tag, value).counter().count();
    }
}
