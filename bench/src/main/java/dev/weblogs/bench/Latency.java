package dev.weblogs.bench;

import java.io.FileOutputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Item 5: how long a line takes from the log file to each table at a steady rate. The bench appends lines
 * while the producer follows the file and both consumers run, and polls, every 10 ms, how many lines each
 * table holds ({@link ScratchDatabase#storedLines}, an index lookup that costs the database nothing). A
 * line's latency is the first poll that finds it stored minus the moment its write to the file returned.
 */
final class Latency {

    private static final Duration POLL = Duration.ofMillis(10);
    private static final Duration STALL = Duration.ofSeconds(60);
    /**
     * Lines of the first seconds are not counted: the programs start cold, and with five processes on two
     * cores the JIT needs about fifteen seconds before the consumers run at speed and catch up.
     */
    private static final Duration WARM_UP = Duration.ofSeconds(20);
    private static final long SEED = 5;

    record Percentiles(double p50Millis, double p99Millis, double maxMillis) {
    }

    /**
     * The rate the lines were written at, the percentiles by table over the lines after the warm-up, and the
     * CPU each process spent per line after the warm-up (microseconds).
     */
    record Result(double achievedRate, Map<String, Percentiles> byTable, Map<String, Double> cpuMicrosPerLine) {
    }

    /** The polls: when each was answered, and how many lines each table held then. */
    private record Poll(long nanos, long[] stored) {
    }

    private Latency() {
    }

    static Result measure(Services services, Programs programs, Path log, int rate, Duration duration)
            throws Exception {
        InputGenerator generator = new InputGenerator(SEED);
        int warmUpLines = (int) (rate * WARM_UP.toSeconds());
        int lines = warmUpLines + (int) (rate * duration.toSeconds());
        try (Sandbox sandbox = services.newSandbox("latency");
             Consumers consumers = Consumers.start(sandbox, programs);
             OutputStream file = new FileOutputStream(log.toFile(), true)) {
            Map<String, String> settings = sandbox.settings(Program.PRODUCER);
            settings.put("LOG_FILE", log.toString());
            try (RunningProgram producer = programs.start(Program.PRODUCER, settings, "--follow")) {
                List<RunningProgram> watched = new ArrayList<>(consumers.running());
                watched.add(producer);
                Map<String, CompletionWatch.Counter> tables = Consumers.storedLines(sandbox.database());
                // Line 0 through the whole pipeline first: every program is up and connected.
                file.write((generator.line(0) + "\n").getBytes(StandardCharsets.UTF_8));
                CompletionWatch.await(tables, 1, watched);
                Console.say("    pipeline up; writing %s lines/s for %d s (%d s of warm-up not counted)",
                        Console.number(rate), WARM_UP.toSeconds() + duration.toSeconds(), WARM_UP.toSeconds());
                PacedWriter writer = new PacedWriter(file, generator, 1, lines, rate);
                Thread writing = new Thread(writer, "paced-writer");
                writing.setDaemon(true);
                CpuMeter cpu = new CpuMeter(watched);
                writing.start();
                List<Poll> polls;
                CpuMeter.Snapshot[] window = new CpuMeter.Snapshot[2];
                try {
                    polls = poll(tables, 1 + lines, watched, System.nanoTime() + WARM_UP.toNanos(), cpu, window);
                    writing.join();
                } finally {
                    writing.interrupt();
                }
                Map<String, Double> cpuPerLine = CpuMeter.perLine(window[0], window[1], lines - warmUpLines);
                producer.stop();
                consumers.stop();
                Consumers.checkAllStored(sandbox.database(), 1 + lines);
                Map<String, Percentiles> byTable = new LinkedHashMap<>();
                int column = 0;
                for (String table : tables.keySet()) {
                    byTable.put(table, percentiles(writer, polls, column++, warmUpLines, lines));
                }
                Result result = new Result(writer.achievedRate(), byTable, cpuPerLine);
                Console.say("    CPU per line after the warm-up: %s", cpuPerLine);
                byTable.forEach((table, p) -> Console.say("    %s: p50 %.0f ms, p99 %.0f ms, max %.0f ms", table,
                        p.p50Millis(), p.p99Millis(), p.maxMillis()));
                return result;
            }
        }
    }

    /**
     * Polls every table until each holds {@code total} lines; takes the CPU snapshots of the measured window
     * into {@code window}: once the warm-up ends, and once every line is stored.
     */
    private static List<Poll> poll(Map<String, CompletionWatch.Counter> tables, long total,
                                   List<RunningProgram> watched, long warmUpEnds, CpuMeter cpu,
                                   CpuMeter.Snapshot[] window) throws Exception {
        List<CompletionWatch.Counter> counters = List.copyOf(tables.values());
        List<Poll> polls = new ArrayList<>();
        long lastReport = System.nanoTime();
        long lastMove = lastReport;
        while (true) {
            long[] stored = new long[counters.size()];
            for (int i = 0; i < stored.length; i++) {
                stored[i] = counters.get(i).count();
            }
            long now = System.nanoTime();
            if (!polls.isEmpty() && !Arrays.equals(stored, polls.get(polls.size() - 1).stored())) {
                lastMove = now;
            }
            polls.add(new Poll(now, stored));
            if (window[0] == null && now - warmUpEnds >= 0) {
                window[0] = cpu.take();
            }
            if (Arrays.stream(stored).allMatch(s -> s >= total)) {
                window[1] = cpu.take();
                return polls;
            }
            if (now - lastMove > STALL.toNanos()) {
                throw new IllegalStateException("no line stored for " + STALL.toSeconds() + " s: "
                        + Arrays.toString(stored) + " of " + total);
            }
            if (now - lastReport > Duration.ofSeconds(10).toNanos()) {
                lastReport = now;
                Console.say("    %s of %s lines stored", Arrays.toString(stored), Console.number(total));
            }
            for (RunningProgram program : watched) {
                program.checkNotFailed();
            }
            Thread.sleep(POLL.toMillis());
        }
    }

    /** Latencies of lines {@code skip + 1} to {@code lines} (line 0 was the probe) in one table. */
    private static Percentiles percentiles(PacedWriter writer, List<Poll> polls, int column, int skip, int lines) {
        long[] latencies = new long[lines - skip];
        int poll = 0;
        for (int i = skip; i < lines; i++) {
            long line = 1 + i;
            while (polls.get(poll).stored()[column] <= line) {
                poll++;
            }
            latencies[i - skip] = polls.get(poll).nanos() - writer.writtenNanos(i);
        }
        Arrays.sort(latencies);
        return new Percentiles(percentile(latencies, 0.50), percentile(latencies, 0.99),
                latencies[latencies.length - 1] / 1e6);
    }

    private static double percentile(long[] sorted, double fraction) {
        return sorted[(int) Math.ceil(fraction * sorted.length) - 1] / 1e6;
    }
}
