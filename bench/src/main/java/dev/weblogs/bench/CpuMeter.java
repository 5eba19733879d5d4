package dev.weblogs.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The CPU time the processes of the pipeline spend (user and system, from {@code /proc/<pid>/stat}, in clock
 * ticks of 10 ms), so that a steady run tells what one line costs each of them: the three programs, the
 * database server and the broker (every {@code beam.smp} of the machine).
 */
final class CpuMeter {

    private static final double MICROS_PER_TICK = 10_000; // CLK_TCK is 100 on Linux

    /** Each process's CPU ticks so far. */
    record Snapshot(Map<String, Long> ticks) {
    }

    private final Map<String, List<Long>> pids = new LinkedHashMap<>();

    CpuMeter(List<RunningProgram> programs) {
        for (RunningProgram program : programs) {
            pids.put(program.name(), List.of(program.pid()));
        }
        pids.put("database", serverPids("mariadbd", "mysqld"));
        pids.put("broker", serverPids("beam.smp"));
    }

    private static List<Long> serverPids(String... commands) {
        List<Long> found = new ArrayList<>();
        ProcessHandle.allProcesses().forEach(process -> process.info().command().ifPresent(command -> {
            for (String name : commands) {
                if (command.endsWith("/" + name)) {
                    found.add(process.pid());
                }
            }
        }));
        return found;
    }

    Snapshot take() throws IOException {
        Map<String, Long> ticks = new LinkedHashMap<>();
        for (Map.Entry<String, List<Long>> process : pids.entrySet()) {
            long sum = 0;
            for (long pid : process.getValue()) {
                sum += ticks(pid);
            }
            ticks.put(process.getKey(), sum);
        }
        return new Snapshot(ticks);
    }

    /** Microseconds of CPU per line of each process between two snapshots, over {@code lines} lines. */
    static Map<String, Double> perLine(Snapshot before, Snapshot after, long lines) {
        Map<String, Double> micros = new LinkedHashMap<>();
        after.ticks().forEach((name, ticks) -> micros.put(name,
                (ticks - before.ticks().getOrDefault(name, 0L)) * MICROS_PER_TICK / lines));
        return micros;
    }

    /** utime + stime: fields 14 and 15, counted after the command's closing parenthesis. */
    private static long ticks(long pid) throws IOException {
        Path stat = Path.of("/proc", Long.toString(pid), "stat");
        if (!Files.exists(stat)) {
            return 0;
        }
        String text = Files.readString(stat);
        String[] fields = text.substring(text.lastIndexOf(')') + 2).split(" ");
        return Long.parseLong(fields[11]) + Long.parseLong(fields[12]);
    }
}
