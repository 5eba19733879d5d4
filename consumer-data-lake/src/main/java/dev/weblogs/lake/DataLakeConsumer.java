package dev.weblogs.lake;

import dev.weblogs.amqp.Topology;
import dev.weblogs.app.ConsumerService;
import dev.weblogs.cli.BatchOptions;
import dev.weblogs.cli.BrokerOptions;
import dev.weblogs.cli.Cli;
import dev.weblogs.cli.DatabaseOptions;
import dev.weblogs.cli.ServiceOptions;
import dev.weblogs.cli.Version;
import dev.weblogs.store.RawLog;
import dev.weblogs.transform.RawLogMapper;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

/** Stores every line of {@code queue-data-lake}, exactly as it arrived, in the {@code raw-log} table. */
@Command(name = "consumer-data-lake", mixinStandardHelpOptions = true, versionProvider = Version.class,
        sortOptions = false,
        description = "Stores every line of queue-data-lake, unchanged, in the raw-log table.%n"
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

    public static void main(String[] args) {
        System.exit(run(args, System.getenv()));
    }

    /** The program, without exiting: {@code env} stands for the environment. */
    public static int run(String[] args, Map<String, String> env) {
        return Cli.execute(new DataLakeConsumer(), args, env);
    }

    @Override
    public Integer call() throws Exception {
        return ConsumerService.run("consumer-data-lake", Topology.DATA_LAKE_QUEUE, RawLog.class,
                new RawLogMapper(), broker, database, batch, service);
    }
}
