package dev.weblogs.bench;

import dev.weblogs.bench.InputGenerator.InputFile;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Item 4: the whole pipeline. Both consumers run and are subscribed; the producer starts and publishes the
 * file; the figure is lines per second from the producer's start until both tables hold every line.
 *
 * <p>The consumers are services that run for days, so they are measured warm: a first file goes through
 * them and its rows are removed before the measured run starts.
 */
final class EndToEnd {

    private static final long WARM_UP_LINES = 30_000;
    private static final long WARM_UP_SEED = 4;

    private EndToEnd() {
    }

    /** @return lines per second */
    static double measure(Services services, Programs programs, InputFile input) throws Exception {
        try (Sandbox sandbox = services.newSandbox("end-to-end");
             Consumers consumers = Consumers.start(sandbox, programs)) {
            InputFile warmUp = new InputGenerator(WARM_UP_SEED).write(
                    input.path().resolveSibling("warm-up.log"), WARM_UP_LINES);
            Console.say("    consumers subscribed; warming them up with %s lines", Console.number(WARM_UP_LINES));
            publishAll(sandbox, programs, consumers, warmUp);
            for (String table : Consumers.storedLines(sandbox.database()).keySet()) {
                sandbox.database().truncate(table);
            }
            Console.say("    logs-producer publishes %s lines", Console.number(input.lines()));
            Run run = publishAll(sandbox, programs, consumers, input);
            long started = run.startedNanos();
            long done = run.doneNanos();
            consumers.stop();
            Consumers.checkAllStored(sandbox.database(), input.lines());
            double perSecond = input.lines() / ((done - started) / 1e9);
            Console.say("    end to end: %s lines/s (%s lines in %s)", Console.number(perSecond),
                    Console.number(input.lines()), Console.seconds(done - started));
            return perSecond;
        }
    }

    /** When the producer started, and when the last table held every line. */
    private record Run(long startedNanos, long doneNanos) {
    }

    /** Runs the producer on {@code input} until both tables hold it. */
    private static Run publishAll(Sandbox sandbox, Programs programs, Consumers consumers, InputFile input)
            throws Exception {
        Map<String, String> settings = sandbox.settings(Program.PRODUCER);
        settings.put("LOG_FILE", input.path().toString());
        try (RunningProgram producer = programs.start(Program.PRODUCER, settings)) {
            List<RunningProgram> watched = new ArrayList<>(consumers.running());
            watched.add(producer);
            Map<String, Fill> fills = CompletionWatch.await(Consumers.storedLines(sandbox.database()),
                    input.lines(), watched);
            long done = fills.values().stream().mapToLong(Fill::doneNanos).max().orElseThrow();
            producer.awaitExit(Duration.ofMinutes(1));
            return new Run(producer.startedNanos(), done);
        }
    }
}
