package dev.weblogs.lake;

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
import dev.weblogs.lifecycle.Stop;
import dev.weblogs.row.RawRow;
import dev.weblogs.store.Destination;
import dev.weblogs.store.RawLog;
import dev.weblogs.transform.RawLogMapper;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

/** Stores every line of {@code queue-data-lake}, exactly as it arrived, in the {@code raw-log} table. */
@Command(name = "consumer-data-lake", mixinStandardHelpOptions = true, versionProvider = Version.class,
        sortOptions = false,
        description = "Stores every line of queue-data-lake in the raw-log table.%n"
                + "Runs until SIGTERM or Ctrl-C; then writes what it received and exits 0.")
public final class DataLakeConsumer implements Callable<Integer> {

    @Mixin
    private BrokerOptions broker;

    @Mixin
    private DatabaseOptions database;

    @Mixin
    private BatchOptions batch;

    @Mixin
    private ServiceOptions service;

    private final Stop stop;

    public DataLakeConsumer(Stop stop) {
        this.stop = stop;
    }

    public static void main(String[] args) {
        Stop stop = new Stop();
        StopSignal.install(stop);
        System.exit(run(args, System.getenv(), stop));
    }

    /** The program, without exiting: {@code env} stands for the environment; {@code stop} ends it. */
    public static int run(String[] args, Map<String, String> env, Stop stop) {
        return Cli.execute(new DataLakeConsumer(stop), args, env);
    }

    @Override
    public Integer call() throws Exception {
        ConsumerDefinition<RawRow> lake = new ConsumerDefinition<>("consumer-data-lake", Topology.DATA_LAKE_QUEUE,
                List.of(RawLog.class), List.of("raw-log", "raw-log-repeats"), new RawLogMapper(),
                new Destination<>("raw-log", RawLog::of, RawRow::id, "raw-log-repeats", null), null);
        return ConsumerService.run(lake, broker, database, batch, service, stop);
    }
}
