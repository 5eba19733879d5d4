package dev.weblogs.bench;

import dev.weblogs.cli.SettingException;
import dev.weblogs.failure.Secrets;
import java.net.URI;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** The bench's options, checked before anything is measured. */
final class BenchSettings {

    /** The steady rate of items 5, 9 and 11. */
    static final int LATENCY_RATE = 5_000;

    @Option(names = "--rabbitmq-uri", paramLabel = "<uri>", defaultValue = "amqp://guest:guest@localhost:5672/%2F",
            description = "RabbitMQ: its host, port, user and password are used; the vhost is the bench's own.")
    URI rabbitmqUri;

    @Option(names = "--management-uri", paramLabel = "<url>",
            description = "RabbitMQ's management API, to create and delete the vhosts "
                    + "(default http://<rabbitmq host>:15672).")
    URI managementUri;

    @Option(names = "--db-url", paramLabel = "<jdbc-url>", defaultValue = "jdbc:mysql://localhost:3306/",
            description = "MySQL or MariaDB server; the bench creates and drops databases of its own there.")
    String dbUrl;

    @Option(names = "--db-user", paramLabel = "<user>", defaultValue = "root", description = "Database user.")
    String dbUser;

    @Option(names = "--db-password", paramLabel = "<password>", defaultValue = "", description = "Database password.")
    String dbPassword;

    @Option(names = "--lines", paramLabel = "<n>", defaultValue = "200000",
            description = "Lines of the input of items 2, 3, 4 and 12.")
    int lines;

    @Option(names = "--memory-lines", paramLabel = "<n>", defaultValue = "1000000",
            description = "Lines of the input of item 7.")
    int memoryLines;

    @Option(names = "--rebuild-lines", paramLabel = "<n>", defaultValue = "1000000",
            description = "Lines of raw-log that item 13 rebuilds from: a table of a real size, so that the JVM's "
                    + "warm-up (seconds of JIT compiling on two cores) is not most of the run.")
    int rebuildLines;

    @Option(names = "--latency-seconds", paramLabel = "<s>", defaultValue = "60",
            description = "How long item 5 writes " + LATENCY_RATE + " lines/s and measures (after 20 s of warm-up).")
    int latencySeconds;

    @Option(names = "--broker-seconds", paramLabel = "<s>", defaultValue = "30",
            description = "How long PerfTest runs in item 1.")
    int brokerSeconds;

    @Option(names = "--skip", paramLabel = "<items>", split = ",",
            description = "Items not to run, e.g. 1,6 for a quick run.")
    List<Integer> skip = new ArrayList<>();

    @Option(names = "--markdown", paramLabel = "<file>",
            description = "Also write the results, the machine and the method to this Markdown file "
                    + "(its '" + Report.MAINTAINER_SECTION + "' section is kept).")
    Path markdown;

    @Spec(Spec.Target.MIXEE)
    CommandSpec spec;

    void check() {
        for (int item : skip) {
            if (item < 1 || item > 13 || item == 8 || item == 9) {
                throw new SettingException("--skip", "items are 1 to 7 and 10 to 13, not " + item);
            }
        }
        atLeastOne("--lines", lines);
        atLeastOne("--memory-lines", memoryLines);
        atLeastOne("--rebuild-lines", rebuildLines);
        atLeastOne("--latency-seconds", latencySeconds);
        atLeastOne("--broker-seconds", brokerSeconds);
    }

    private static void atLeastOne(String option, int value) {
        if (value < 1) {
            throw new SettingException(option, "must be at least 1, not " + value);
        }
    }

    /** Whether any of {@code items} is to run. */
    boolean wanted(int... items) {
        for (int item : items) {
            if (!skip.contains(item)) {
                return true;
            }
        }
        return false;
    }

    /** As run.sh was invoked when it passes it, else the java command; never a password. */
    String commandLine() {
        String command = System.getProperty("bench.command");
        if (command == null) {
            command = "java -jar bench/target/bench.jar " + String.join(" ",
                    spec.commandLine().getParseResult().originalArgs());
        }
        return Secrets.mask(command.strip()).replaceAll("(--db-password[= ])\\S+", "$1*****");
    }
}
