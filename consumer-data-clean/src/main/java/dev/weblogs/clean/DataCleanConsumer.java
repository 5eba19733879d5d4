package dev.weblogs.clean;

import dev.weblogs.amqp.Topology;
import dev.weblogs.app.ConsumerDefinition;
import dev.weblogs.app.ConsumerService;
import dev.weblogs.cli.BatchOptions;
import dev.weblogs.cli.BrokerOptions;
import dev.weblogs.cli.Cli;
import dev.weblogs.cli.DatabaseOptions;
import dev.weblogs.cli.ServiceOptions;
import dev.weblogs.cli.StopSignal;
import dev.weblogs.cli.Version;
import dev.weblogs.geo.GeoLocator;
import dev.weblogs.lifecycle.Stop;
import dev.weblogs.row.CleanRow;
import dev.weblogs.store.CleanLog;
import dev.weblogs.store.CleanTables;
import dev.weblogs.store.RejectedLine;
import java.time.Clock;
import dev.weblogs.transform.CleanLogMapper;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import org.slf4j.LoggerFactory;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

/**
 * Parses and geolocates every line of {@code queue-data-clean} into the {@code clean-log} table; lines that
 * are not access log lines are recorded in {@code clean-log-rejected} with the reason.
 */
@Command(name = "consumer-data-clean", mixinStandardHelpOptions = true, versionProvider = Version.class,
        sortOptions = false, subcommands = {ParseCommand.class, RebuildCommand.class},
        description = "Parses and geolocates every line of queue-data-clean into the clean-log table.%n"
                + "Lines that cannot be parsed are recorded in clean-log-rejected with the reason.%n"
                + "Runs until SIGTERM or Ctrl-C; then writes what it received and exits 0.")
public final class DataCleanConsumer implements Callable<Integer> {

    @Mixin
    private BrokerOptions broker;

    @Mixin
    private DatabaseOptions database;

    @Mixin
    private BatchOptions batch;

    @Mixin
    private GeoIpOptions geoIp;

    @Mixin
    private ServiceOptions service;

    private final Stop stop;

    public DataCleanConsumer(Stop stop) {
        this.stop = stop;
    }

    /** The stop request this program and its commands answer to. */
    Stop stop() {
        return stop;
    }

    public static void main(String[] args) {
        Stop stop = new Stop();
        StopSignal.install(stop);
        System.exit(run(args, System.getenv(), stop));
    }

    /** The program, without exiting: {@code env} stands for the environment; {@code stop} ends it. */
    public static int run(String[] args, Map<String, String> env, Stop stop) {
        return Cli.execute(new DataCleanConsumer(stop), args, env);
    }

    @Override
    public Integer call() throws Exception {
        try (GeoLocator geo = geoIp.open()) {
            LoggerFactory.getLogger(DataCleanConsumer.class).info("GeoIP database: {}", geo.description());
            ConsumerDefinition<CleanRow> clean = new ConsumerDefinition<>("consumer-data-clean",
                    Topology.DATA_CLEAN_QUEUE, List.of(CleanLog.class, RejectedLine.class), CleanTables.ALL,
                    new CleanLogMapper(geo), CleanTables.rows(), CleanTables.rejections(Clock.systemUTC()));
            return ConsumerService.run(clean, broker, database, batch, service, stop);
        }
    }
}
