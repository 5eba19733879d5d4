package dev.weblogs.pipeline;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.Callable;

/** A program run in-process with its standard output and error captured. */
record CapturedRun(int status, String out, String err, long millis) {

    static synchronized CapturedRun of(Callable<Integer> program) throws Exception {
        PrintStream oldOut = System.out;
        PrintStream oldErr = System.err;
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        long start = System.nanoTime();
        try {
            System.setOut(new PrintStream(out, true, StandardCharsets.UTF_8));
            System.setErr(new PrintStream(err, true, StandardCharsets.UTF_8));
            int status = program.call();
            return new CapturedRun(status, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8),
                    (System.nanoTime() - start) / 1_000_000);
        } finally {
            System.setOut(oldOut);
            System.setErr(oldErr);
        }
    }

    /** The lines of standard error that are the program's own error messages (not log lines). */
    java.util.List<String> errorLines(String program) {
        return err.lines().filter(line -> line.startsWith(program + ":")).toList();
    }
}
