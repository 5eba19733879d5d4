package dev.weblogs.producer;

import dev.weblogs.amqp.Broker;
import dev.weblogs.amqp.Publisher;
import dev.weblogs.cli.BrokerOptions;
import dev.weblogs.cli.Cli;
import dev.weblogs.cli.ProgressDisplay;
import dev.weblogs.cli.ServiceOptions;
import dev.weblogs.cli.SettingException;
import dev.weblogs.cli.StopSignal;
import dev.weblogs.cli.Version;
import dev.weblogs.lifecycle.Stop;
import dev.weblogs.metrics.Metrics;
import dev.weblogs.source.CheckpointStore;
import dev.weblogs.source.LogPattern;
import java.io.IOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** Publishes every line of a web server log to RabbitMQ, for the two consumers to store. */
@Command(name = "logs-producer", mixinStandardHelpOptions = true, versionProvider = Version.class,
        sortOptions = false,
        description = "Publishes every line of the logs LOG_FILE names to exchange topic-exchange-logs (routing key "
                + "logs), as persistent messages with publisher confirms.%n"
                + "Remembers how far it got in each file in STATE_DIR and continues from there on the next run.")
public final class LogsProducer implements Callable<Integer> {

    @Option(names = "--log-file", paramLabel = "<file>", defaultValue = "data/web-server-nginx.log", split = ",",
            description = "The access logs to publish: paths and globs ('/var/log/nginx/*access.log'), separated by "
                    + "commas or given several times; .gz files are read decompressed; - reads standard input.")
    private List<String> logFiles;

    @Option(names = "--follow", description = "Keep publishing lines as they are appended, across rotation.")
    private boolean follow;

    @Option(names = "--from-start", description = "Publish the whole file, ignoring what earlier runs did.")
    private boolean fromStart;

    @Option(names = "--state-dir", paramLabel = "<dir>", defaultValue = ".state",
            description = "Where to remember, per log file, how far it is published and confirmed.")
    private Path stateDir;

    @Option(names = "--confirm-window", paramLabel = "<lines>", defaultValue = "10000",
            description = "Lines published but not yet confirmed by the broker, at most.")
    private int confirmWindow;

    @Mixin
    private BrokerOptions broker;

    @Mixin
    private ServiceOptions service;

    private final Stop stop;

    public LogsProducer(Stop stop) {
        this.stop = stop;
    }

    public static void main(String[] args) {
        Stop stop = new Stop();
        StopSignal.install(stop);
        System.exit(run(args, System.getenv(), stop));
    }

    /** The program, without exiting: {@code env} stands for the environment; {@code stop} ends it. */
    public static int run(String[] args, Map<String, String> env, Stop stop) {
        return Cli.execute(new LogsProducer(stop), args, env);
    }

    @Override
    public Integer call() throws Exception {
        if (confirmWindow < 1) {
            throw new SettingException("--confirm-window", "must be at least 1, not " + confirmWindow);
        }
        List<LogPattern> patterns = LogFileOption.patterns(logFiles, follow, System.err);
        checkWritable(stateDir);
        long began = System.nanoTime();
        try (Metrics metrics = Metrics.start("logs-producer", service.metricsPort());
             Publisher publisher = new Publisher(new Broker(broker.settings(), "logs-producer", stop), confirmWindow,
                     service.startupTimeout(), stop, metrics.registry());
             ProgressTotal progress = new ProgressTotal(ProgressDisplay.forTerminal(LogFileOption.task(patterns),
                     "lines", " MB", 1_000_000, follow))) {
            metrics.healthFrom(() -> Map.of("broker", publisher.isConnected()));
            Shipments shipments = new Shipments(patterns, follow, fromStart, new CheckpointStore(stateDir), publisher,
                    progress, stop, metrics.registry(), System.in, shipped -> Summary.ofOne(shipped, System.out));
            List<LogShipper.Shipped> shipped = shipments.run();
            progress.close();
            return Summary.ofAll(shipped, (System.nanoTime() - began) / 1e9, System.out) ? Cli.OK : Cli.FAILED;
        } catch (Stop.Stopped e) {
            return Cli.OK;
        }
    }

    /** The state folder can be created and written, before anything is published. */
    private static void checkWritable(Path stateDir) {
        try {
            Files.createDirectories(stateDir);
            Files.delete(Files.createTempFile(stateDir, ".write-check", ".tmp"));
        } catch (AccessDeniedException | SecurityException e) {
            throw new SettingException("--state-dir", "cannot write to " + stateDir + " (permission denied)");
        } catch (IOException e) {
            String reason = e instanceof FileSystemException f && f.getReason() != null ? f.getReason()
                    : e.getClass().getSimpleName().replace("Exception", "");
            throw new SettingException("--state-dir", "cannot write to " + stateDir + " (" + reason + ")");
        }
    }
}
