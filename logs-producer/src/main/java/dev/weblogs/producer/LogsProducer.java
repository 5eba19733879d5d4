package dev.weblogs.producer;

import dev.weblogs.amqp.Broker;
import dev.weblogs.amqp.LogPublisher;
import dev.weblogs.app.ProducerService;
import dev.weblogs.app.Progress;
import dev.weblogs.app.StopSignal;
import dev.weblogs.cli.BrokerOptions;
import dev.weblogs.cli.Cli;
import dev.weblogs.cli.ServiceOptions;
import dev.weblogs.cli.SettingException;
import dev.weblogs.cli.Startup;
import dev.weblogs.cli.Version;
import dev.weblogs.metrics.Metrics;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** Publishes every line of a web server log to RabbitMQ, for the two consumers to store. */
@Command(name = "logs-producer", mixinStandardHelpOptions = true, versionProvider = Version.class,
        sortOptions = false,
        description = "Publishes every line of LOG_FILE to exchange topic-exchange-logs (routing key logs), "
                + "as persistent messages with publisher confirms.%n"
                + "Remembers how far it got in STATE_DIR and continues from there on the next run.")
public final class LogsProducer implements Callable<Integer> {

    @Option(names = "--log-file", paramLabel = "<file>", defaultValue = "data/web-server-nginx.log",
            description = "The access log to publish.")
    private Path logFile;

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

    public static void main(String[] args) {
        System.exit(run(args, System.getenv()));
    }

    /** The program, without exiting: {@code env} stands for the environment. */
    public static int run(String[] args, Map<String, String> env) {
        return Cli.execute(new LogsProducer(), args, env);
    }

    @Override
    public Integer call() throws Exception {
        if (confirmWindow < 1) {
            throw new SettingException("--confirm-window", "must be at least 1, not " + confirmWindow);
        }
        ProducerService.checkReadable(logFile);
        ProducerService.checkWritable(stateDir);
        StopSignal.install(Thread.currentThread()::interrupt);
        try (Metrics metrics = Metrics.start("logs-producer", service.metricsPort());
             LogPublisher publisher = new LogPublisher(new Broker(broker.uri(), "logs-producer"), confirmWindow,
                     service.startupTimeout(), metrics.registry())) {
            metrics.healthFrom(() -> Map.of("broker", publisher.isConnected()));
            Progress progress = ProgressDisplay.forTerminal(logFile, follow);
            ProducerService producer = new ProducerService(logFile, follow, stateDir, publisher, progress,
                    metrics.registry());
            StopSignal.install(producer::stop);
            return producer.run(fromStart, System.out) ? Cli.OK : Cli.FAILED;
        } catch (Startup.StoppedBeforeStartException e) {
            return Cli.OK;
        }
    }
}
