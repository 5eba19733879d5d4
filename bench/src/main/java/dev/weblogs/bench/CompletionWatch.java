package dev.weblogs.bench;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Polls counters (rows in a table, messages in a queue) until each reaches the total, noting when each was
 * first non-zero and when it was complete. Fails as soon as a watched program fails, or when nothing moves
 * for a minute, rather than waiting forever.
 */
final class CompletionWatch {

    /** A count that may need a query to read. */
    @FunctionalInterface
    interface Counter {
        long count() throws Exception;
    }

    private static final Duration POLL = Duration.ofMillis(20);
    private static final Duration STALL = Duration.ofSeconds(60);
    private static final Duration REPORT_EVERY = Duration.ofSeconds(10);

    private CompletionWatch() {
    }

    /**
     * @param counters by name, for progress lines and errors
     * @param watched  programs that must not fail meanwhile
     */
    static Map<String, Fill> await(Map<String, Counter> counters, long total, List<RunningProgram> watched)
            throws Exception {
        Map<String, long[]> first = new LinkedHashMap<>();
        Map<String, Fill> done = new LinkedHashMap<>();
        Map<String, Long> counts = new LinkedHashMap<>();
        long lastMove = System.nanoTime();
        long lastReport = lastMove;
        while (done.size() < counters.size()) {
            for (Map.Entry<String, Counter> counter : counters.entrySet()) {
                String name = counter.getKey();
                if (done.containsKey(name)) {
                    continue;
                }
                long count = counter.getValue().count();
                long now = System.nanoTime();
                if (count != counts.getOrDefault(name, 0L)) {
                    lastMove = now;
                }
                counts.put(name, count);
                if (count > 0) {
                    first.putIfAbsent(name, new long[] {now, count});
                }
                if (count >= total) {
                    long[] seen = first.get(name);
                    done.put(name, new Fill(seen[0], seen[1], now, total));
                }
            }
            long now = System.nanoTime();
            if (now - lastMove > STALL.toNanos()) {
                throw new IllegalStateException("no progress for " + STALL.toSeconds() + " s: " + counts + " of "
                        + total);
            }
            if (now - lastReport > REPORT_EVERY.toNanos() && done.size() < counters.size()) {
                lastReport = now;
                StringBuilder line = new StringBuilder("    ");
                counts.forEach((name, count) -> line.append(name).append(' ').append(Console.number(count))
                        .append("  "));
                Console.say("%sof %s", line, Console.number(total));
            }
            for (RunningProgram program : watched) {
                program.checkNotFailed();
            }
            Thread.sleep(POLL.toMillis());
        }
        return done;
    }
}
