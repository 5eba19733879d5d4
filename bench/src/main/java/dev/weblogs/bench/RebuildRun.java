package dev.weblogs.bench;

import dev.weblogs.bench.InputGenerator.InputFile;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Item 13: {@code consumer-data-clean rebuild}. consumer-data-lake stores the input in raw-log; the rebuild then
 * makes clean-log from it into an empty table (a first build, or a GeoIP update that changes every row), and
 * runs again (the same database: nothing changes, each row is read, parsed and compared). The rate is the one
 * the rebuild reports, from its first page to its last, without JVM start-up.
 */
final class RebuildRun {

    private static final Pattern RATE = Pattern.compile("\\(([\\d,]+) rows/s\\)");
    private static final Duration PATIENCE = Duration.ofMinutes(30);
    private static final double TARGET = 20_000;

    /** Raw-log rows per second of the first build and of a run that changes nothing. */
    record Result(double firstBuild, double unchanged) {

        void addTo(Report report, long rows) {
            String target = "≥ " + Console.number(TARGET) + " rows/s";
            report.add("13. Rebuild into an empty clean-log, " + Console.number(rows) + " rows",
                    Console.number(firstBuild) + " rows/s", target, Report.Met.of(firstBuild >= TARGET));
            report.add("13. Rebuild again, nothing changes", Console.number(unchanged) + " rows/s", target,
                    Report.Met.of(unchanged >= TARGET));
        }
    }

    private RebuildRun() {
    }

    static Result measure(Services services, Programs programs, InputFile input) throws Exception {
        try (Sandbox sandbox = services.newSandbox("rebuild")) {
            fillRawLog(sandbox, programs, input);
            double first = rebuild(sandbox, programs, input, "into an empty clean-log");
            double again = rebuild(sandbox, programs, input, "again, nothing changes");
            return new Result(first, again);
        }
    }

    private static void fillRawLog(Sandbox sandbox, Programs programs, InputFile input) throws Exception {
        Console.say("    consumer-data-lake stores %s lines in raw-log", Console.number(input.requests()));
        Map<String, String> producerSettings = sandbox.settings(Program.PRODUCER);
        producerSettings.put("LOG_FILE", input.path().toString());
        try (RunningProgram lake = programs.start(Program.DATA_LAKE, sandbox.settings(Program.DATA_LAKE));
             RunningProgram producer = programs.start(Program.PRODUCER, producerSettings)) {
            CompletionWatch.await(Map.of(Program.DATA_LAKE.table(),
                    () -> sandbox.database().storedLines(Program.DATA_LAKE.table())), input.lines(), List.of(lake,
                    producer));
            producer.awaitExit(Duration.ofMinutes(1));
            lake.stop();
        }
        sandbox.database().checkHolds(Program.DATA_LAKE.table(), input);
    }

    private static double rebuild(Sandbox sandbox, Programs programs, InputFile input, String what) throws Exception {
        Console.say("    rebuild %s", what);
        String summary;
        try (RunningProgram rebuild = programs.start(Program.DATA_CLEAN, sandbox.settings(Program.DATA_CLEAN),
                "rebuild")) {
            rebuild.awaitExit(PATIENCE);
            summary = rebuild.output().lines().filter(line -> line.startsWith("rebuild: ")).reduce((a, b) -> b)
                    .orElseThrow(() -> new IllegalStateException("rebuild printed no summary:\n"
                            + rebuild.outputTail()));
        }
        Console.say("    %s", summary);
        sandbox.database().checkHolds(Program.DATA_CLEAN.table(), input);
        Matcher rate = RATE.matcher(summary);
        if (!rate.find()) {
            throw new IllegalStateException("no rate in the rebuild's summary: " + summary);
        }
        return Double.parseDouble(rate.group(1).replace(",", ""));
    }
}
