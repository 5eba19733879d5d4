package dev.weblogs.bench;

import dev.weblogs.bench.InputGenerator.InputFile;
import dev.weblogs.bench.Report.Met;
import dev.weblogs.cli.Cli;
import dev.weblogs.cli.Version;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Comparator;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.stream.Stream;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

/**
 * The benchmark, in one run on one machine: the broker's ceiling, each program alone, the pipeline end to
 * end, latency and CPU per line at a steady rate, the parser, the programs' memory, the cluster's ceiling and
 * many logs at once. Prints a table of figures and targets, and with {@code --markdown} writes it with the
 * machine's description to a file.
 */
@Command(name = "bench", mixinStandardHelpOptions = true, versionProvider = Version.class, sortOptions = false,
        description = "Measures the pipeline against a running RabbitMQ (management plugin enabled) and MySQL or "
                + "MariaDB, in vhosts and databases of its own that it removes afterwards.%n"
                + "Items: 1 broker ceiling (PerfTest), 2 producer alone, 3 each consumer alone, 4 end to end, "
                + "5 latency (and 9, CPU per line), 6 parser (JMH), 7 memory, 10 cluster ceiling (quorum queues, "
                + "three nodes started with scripts/rabbitmq-cluster.sh), 11 fifty logs followed at once, 12 the cost of "
                + "counting repeated lines, 13 rebuild. Item 8, the dashboard: bench/run.sh --dashboard.")
public final class Bench implements Callable<Integer> {

    private static final int LATENCY_RATE = BenchSettings.LATENCY_RATE;
    private static final double END_TO_END_TARGET = 0.5;
    private static final double LATENCY_TARGET_MILLIS = 1_000;
    private static final double CPU_TARGET_MICROS = 80;
    private static final int MANY_FILES = 50;
    /** The generated lines' average length, for item 10 when no input is generated. */
    private static final int TYPICAL_LINE_BYTES = 242;
    private static final double PARSER_TARGET = 500_000;
    /** Peak RSS on the large input at most this much above the small one: memory does not grow with the file. */
    private static final double MEMORY_GROWTH_ALLOWED = 1.2;
    private static final long SEED = 1;

    @Mixin
    private BenchSettings settings;

    private final Report report = new Report();
    private final Cleanup cleanup = new Cleanup();
    private Services services;
    private Programs programs;
    private Path work;
    private InputFile input;
    private BrokerCeiling.Result ceiling;
    private SoloRuns.Result solo;
    private boolean failed;

    public static void main(String[] args) {
        System.exit(Cli.execute(new Bench(), args, System.getenv()));
    }

    @Override
    public Integer call() throws Exception {
        settings.check();
        long began = System.nanoTime();
        work = Files.createTempDirectory("weblogs-bench-");
        // Removed last if the bench is stopped; kept, for the programs' output, if a measurement failed.
        AutoCloseable workCleanup = cleanup.register(() -> deleteRecursively(work));
        try {
            return run(began);
        } finally {
            if (!cleanup.stopping()) {
                cleanup.forget(workCleanup);
                if (failed) {
                    System.out.println("the programs' output is kept in " + work);
                } else {
                    deleteRecursively(work);
                }
            }
        }
    }

    private int run(long began) throws Exception {
        programs = Programs.locate(work, cleanup);
        services = new Services(settings.rabbitmqUri, settings.managementUri, new DatabaseServer(settings.dbUrl, settings.dbUser, settings.dbPassword), cleanup);
        Machine machine = Machine.describe(services, settings.commandLine());
        machine.asMap().forEach((name, value) -> System.out.printf("%-13s %s%n", name + ":", value));
        if (settings.wanted(1, 2, 3, 4)) {
            input = new InputGenerator(SEED).write(work.resolve("access.log"), settings.lines);
            Console.say("input: %s lines of %d bytes on average in %s", Console.number(settings.lines), input.averageLength(),
                    input.path());
        }
        measure("1", "broker ceiling (PerfTest)", settings.wanted(1), this::brokerCeiling);
        measure("2, 3", "each program alone", settings.wanted(2, 3), this::soloRuns);
        measure("4", "end to end", settings.wanted(4), this::endToEnd);
        measure("5", "latency at " + Console.number(LATENCY_RATE) + " lines/s", settings.wanted(5), this::latency);
        measure("6", "parser and GeoIP (JMH)", settings.wanted(6), this::parser);
        measure("7", "memory", settings.wanted(7), this::memory);
        measure("10", "cluster ceiling (PerfTest, quorum queues)", settings.wanted(10), this::clusterCeiling);
        measure("11", "50 logs at once", settings.wanted(11), this::manyFiles);
        measure("12", "counting repeated lines", settings.wanted(12), this::occurrenceCost);
        measure("13", "rebuild", settings.wanted(13), this::rebuild);
        if (cleanup.stopping()) {
            return Cli.FAILED;
        }

        Duration took = Duration.ofNanos(System.nanoTime() - began);
        System.out.println();
        System.out.print(report.table());
        System.out.printf(Locale.ROOT, "%nbench took %d min %d s%n", took.toMinutes(), took.toSecondsPart());
        if (settings.markdown != null) {
            report.writeMarkdown(settings.markdown, machine, took);
            System.out.println("written to " + settings.markdown);
        }
        return failed ? Cli.FAILED : Cli.OK;
    }

    /** A measurement that adds its rows to the report. */
    @FunctionalInterface
    private interface Measurement {
        void run() throws Exception;
    }

    /** Runs a measurement if wanted; a failure is a row of the report, and the next measurement still runs. */
    private void measure(String items, String title, boolean wanted, Measurement measurement) {
        if (!wanted || cleanup.stopping()) {
            return;
        }
        Console.say("%s. %s", items, title);
        try {
            measurement.run();
        } catch (Exception e) {
            if (cleanup.stopping()) {
                return; // what fails then is the hook closing connections and processes under the measurement
            }
            failed = true;
            String message = String.valueOf(e.getMessage());
            Console.say("    FAILED: %s", message);
            String summary = message.lines().findFirst().orElse("").replaceFirst(":$", "");
            report.add(items + ". " + title, "failed: " + summary + " (see above)", "—", Met.NO);
        }
    }

    private void brokerCeiling() throws Exception {
        ceiling = BrokerCeiling.measure(services, programs, input.averageLength(), Duration.ofSeconds(settings.brokerSeconds));
        report.add("1. Broker ceiling: PerfTest, 1 producer, 2 queues, " + input.averageLength() + " B persistent",
                Console.number(ceiling.sentPerSecond()) + " msg/s sent", "—", Met.NONE);
    }

    private void clusterCeiling() throws Exception {
        int size = input != null ? input.averageLength() : TYPICAL_LINE_BYTES;
        ClusterCeiling.Result result = ClusterCeiling.measure(services, programs, programs.project(), size,
                Duration.ofSeconds(settings.brokerSeconds));
        report.add("10. Broker ceiling, one node, quorum queues", Console.number(result.singleNodeQuorum()
                .sentPerSecond()) + " msg/s sent", "—", Met.NONE);
        report.add("10. Broker ceiling, three nodes on this machine, quorum queues", Console.number(result
                .clusterQuorum().sentPerSecond()) + " msg/s sent", "—", Met.NONE);
    }

    private void manyFiles() throws Exception {
        ManyFiles.Result result = ManyFiles.measure(services, programs, work, MANY_FILES, LATENCY_RATE,
                Duration.ofSeconds(settings.latencySeconds));
        report.add("11. " + result.files() + " logs followed at once, " + Console.number(result.achievedRate())
                        + " lines/s in all: lag of the slowest file",
                String.format(Locale.ROOT, "p99 %.0f ms, max %.0f ms", result.slowestP99Millis(),
                        result.slowestMaxMillis()), "—", Met.NONE);
    }

    private void occurrenceCost() throws Exception {
        OccurrenceCost.measure(services, programs, work, settings.lines).addTo(report);
    }

    private void rebuild() throws Exception {
        InputFile rebuildInput = new InputGenerator(SEED).write(work.resolve("access-rebuild.log"),
                settings.rebuildLines);
        RebuildRun.measure(services, programs, rebuildInput).addTo(report, rebuildInput.lines());
        Files.delete(rebuildInput.path());
    }

    private void soloRuns() throws Exception {
        solo = SoloRuns.measure(services, programs, input, settings.wanted(3));
        if (settings.wanted(2)) {
            report.add("2. logs-producer alone", rate(solo.producer(), "lines"), "—", Met.NONE);
        }
        if (settings.wanted(3)) {
            report.add("3. consumer-data-lake alone", rate(solo.dataLake(), "rows"), "—", Met.NONE);
            report.add("3. consumer-data-clean alone", rate(solo.dataClean(), "rows"), "—", Met.NONE);
        }
    }

    private static String rate(SoloRuns.Solo run, String unit) {
        return Console.number(run.perSecond()) + " " + unit + "/s (" + Console.number(run.perSecondWithStartup())
                + " with JVM start-up)";
    }

    private void endToEnd() throws Exception {
        double perSecond = EndToEnd.measure(services, programs, input);
        String target = "≥ " + Math.round(END_TO_END_TARGET * 100) + " % of (1)";
        if (ceiling == null) {
            report.add("4. End to end", Console.number(perSecond) + " lines/s", target, Met.NONE);
            return;
        }
        double ratio = perSecond / ceiling.sentPerSecond();
        report.add("4. End to end", Console.number(perSecond) + " lines/s = " + Math.round(ratio * 100) + " % of (1)",
                target, Met.of(ratio >= END_TO_END_TARGET));
    }

    private void latency() throws Exception {
        Latency.Result result = Latency.measure(services, programs, work.resolve("follow.log"), LATENCY_RATE,
                Duration.ofSeconds(settings.latencySeconds));
        String title = "5. Latency, file to table at " + Console.number(result.achievedRate()) + " lines/s, ";
        result.byTable().forEach((table, p) -> report.add(title + table,
                String.format(Locale.ROOT, "p50 %.0f ms, p99 %.0f ms, max %.0f ms", p.p50Millis(), p.p99Millis(),
                        p.maxMillis()),
                "p99 ≤ 1 s", Met.of(p.p99Millis() <= LATENCY_TARGET_MILLIS)));
        Map<String, Double> cpu = result.cpuMicrosPerLine();
        double writers = cpu.entrySet().stream().filter(e -> !e.getKey().equals(Program.PRODUCER.module())
                && !e.getKey().equals("broker")).mapToDouble(Map.Entry::getValue).sum();
        StringBuilder each = new StringBuilder();
        cpu.forEach((name, micros) -> each.append(each.length() == 0 ? "" : ", ")
                .append(String.format(Locale.ROOT, "%s %.0f", name, micros)));
        report.add("9. CPU per line at " + Console.number(result.achievedRate()) + " lines/s (µs)",
                String.format(Locale.ROOT, "consumers + database %.0f (%s)", writers, each),
                "consumers + database ≤ 80 µs", Met.of(writers <= CPU_TARGET_MICROS));
    }

    private void parser() throws Exception {
        ParserThroughput.Result result = ParserThroughput.measure();
        report.add("6. Parser: parse + md5, 1 core", Console.number(result.linesPerSecond()) + " lines/s",
                "≥ " + Console.number(PARSER_TARGET) + " lines/s", Met.of(result.linesPerSecond() >= PARSER_TARGET));
        report.add("6. GeoIP lookups with cache, " + Console.number(IpPool.DISTINCT) + " addresses, 1 core",
                Console.number(result.lookupsPerSecond()) + " lookups/s", "—", Met.NONE);
    }

    /** Item 7: peak RSS on the large input, next to that of items 2 and 3 on the small one when they ran. */
    private void memory() throws Exception {
        InputFile large = new InputGenerator(SEED).write(work.resolve("access-large.log"), settings.memoryLines);
        Console.say("    input: %s lines", Console.number(settings.memoryLines));
        SoloRuns.Result big = SoloRuns.measure(services, programs, large, true);
        Files.delete(large.path());
        memoryRow(Program.PRODUCER, big.producer(), solo == null ? null : solo.producer());
        memoryRow(Program.DATA_LAKE, big.dataLake(), solo == null ? null : solo.dataLake());
        memoryRow(Program.DATA_CLEAN, big.dataClean(), solo == null ? null : solo.dataClean());
    }

    private void memoryRow(Program program, SoloRuns.Solo big, SoloRuns.Solo small) {
        String item = "7. Peak RSS, " + program.module() + " " + Programs.HEAP;
        String figure = Console.mebibytes(big.peakRssBytes()) + " at " + Console.number(settings.memoryLines) + " lines";
        String target = "exits 0; ≤ +" + Math.round((MEMORY_GROWTH_ALLOWED - 1) * 100) + " % vs "
                + Console.number(settings.lines) + " lines";
        if (small == null) {
            report.add(item, figure, target, Met.NONE);
            return;
        }
        report.add(item, figure + " (" + Console.mebibytes(small.peakRssBytes()) + " at " + Console.number(settings.lines) + ")",
                target, Met.of(big.peakRssBytes() <= MEMORY_GROWTH_ALLOWED * small.peakRssBytes()));
    }

    private static void deleteRecursively(Path directory) throws IOException {
        try (Stream<Path> paths = Files.walk(directory)) {
            for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(path);
            }
        }
    }
}
