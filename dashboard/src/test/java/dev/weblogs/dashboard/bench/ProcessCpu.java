package dev.weblogs.dashboard.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** CPU time of a process from {@code /proc/<pid>/stat}, to tell how many cores it used over a while. */
final class ProcessCpu {

    /** Linux reports utime and stime in clock ticks, 100 a second on every kernel this runs on. */
    private static final double TICKS_PER_SECOND = 100;

    private final long pid;
    private long ticks;
    private long since;

    ProcessCpu(long pid) {
        this.pid = pid;
    }

    /** The database server's process: mariadbd, or mysqld for MySQL. */
    static ProcessCpu database() throws IOException {
        for (String name : new String[] {"mariadbd", "mysqld"}) {
            Process pidof = new ProcessBuilder("pidof", name).start();
            String out = new String(pidof.getInputStream().readAllBytes()).trim();
            if (!out.isEmpty()) {
                return new ProcessCpu(Long.parseLong(out.split("\\s+")[0]));
            }
        }
        throw new IllegalStateException("no mariadbd or mysqld process on this machine");
    }

    static ProcessCpu self() {
        return new ProcessCpu(ProcessHandle.current().pid());
    }

    void start() throws IOException {
        ticks = ticks();
        since = System.nanoTime();
    }

    /** Cores used since {@link #start}: 1.0 is one core busy all the time. */
    double cores() throws IOException {
        double seconds = (System.nanoTime() - since) / 1e9;
        return (ticks() - ticks) / TICKS_PER_SECOND / seconds;
    }

    private long ticks() throws IOException {
        String stat = Files.readString(Path.of("/proc/" + pid + "/stat"));
        // The command name in parentheses may hold spaces: fields are counted after its closing one.
        String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
        return Long.parseLong(fields[11]) + Long.parseLong(fields[12]);
    }
}
