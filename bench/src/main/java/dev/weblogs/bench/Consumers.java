package dev.weblogs.bench;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Both consumers running in a sandbox, started together and subscribed before anything is published. */
final class Consumers implements AutoCloseable {

    private static final List<Program> CONSUMERS = List.of(Program.DATA_LAKE, Program.DATA_CLEAN);

    private final List<RunningProgram> running;

    private Consumers(List<RunningProgram> running) {
        this.running = running;
    }

    /** Starts both and waits until each queue has its consumer: start-up (Hibernate, GeoIP) is behind them. */
    static Consumers start(Sandbox sandbox, Programs programs) throws Exception {
        List<RunningProgram> running = new ArrayList<>();
        Consumers consumers = new Consumers(running);
        try {
            Map<String, CompletionWatch.Counter> subscribed = new LinkedHashMap<>();
            for (Program consumer : CONSUMERS) {
                running.add(programs.start(consumer, sandbox.settings(consumer)));
                subscribed.put(consumer.queue(), () -> sandbox.queues().depth(consumer.queue()).consumers());
            }
            CompletionWatch.await(subscribed, 1, running);
            return consumers;
        } catch (Exception e) {
            consumers.close();
            throw e;
        }
    }

    List<RunningProgram> running() {
        return running;
    }

    /** The consumers' tables, each with a counter of the lines it holds, for {@link CompletionWatch}. */
    static Map<String, CompletionWatch.Counter> storedLines(ScratchDatabase database) {
        Map<String, CompletionWatch.Counter> tables = new LinkedHashMap<>();
        for (Program consumer : CONSUMERS) {
            tables.put(consumer.table(), () -> database.storedLines(consumer.table()));
        }
        return tables;
    }

    /** Whether both tables hold {@code lines} rows (a scan of each). */
    static boolean allStored(ScratchDatabase database, long lines) throws Exception {
        for (Program consumer : CONSUMERS) {
            if (database.count(consumer.table()) < lines) {
                return false;
            }
        }
        return true;
    }

    /** Checks that both tables hold exactly {@code lines} distinct lines, each written once. */
    static void checkAllStored(ScratchDatabase database, long lines) throws Exception {
        for (Program consumer : CONSUMERS) {
            database.checkHolds(consumer.table(), lines, lines);
        }
    }

    /** SIGTERM to both; each must exit 0. */
    void stop() throws InterruptedException {
        for (RunningProgram consumer : running) {
            consumer.stop();
        }
    }

    @Override
    public void close() throws InterruptedException {
        for (RunningProgram consumer : running) {
            consumer.close();
        }
    }
}
