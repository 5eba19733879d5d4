package dev.weblogs.bench;

import dev.weblogs.bench.InputGenerator.InputFile;
import java.time.Duration;
import java.util.List;
import java.util.Map;

/**
 * Items 2 and 3 (and 7 at another size): each program alone. The producer publishes the file into the two
 * queues with no consumer running; then each consumer in turn drains the backlog it left into its table.
 */
final class SoloRuns {

    /** One program alone: its rate once started, its rate including JVM start-up, its peak RSS. */
    record Solo(double perSecond, double perSecondWithStartup, long peakRssBytes) {
    }

    /** The three programs' solo runs on one input; a consumer not run is {@code null}. */
    record Result(Solo producer, Solo dataLake, Solo dataClean) {
    }

    private SoloRuns() {
    }

    static Result measure(Services services, Programs programs, InputFile input, boolean consumers) throws Exception {
        try (Sandbox sandbox = services.newSandbox("solo-" + input.lines())) {
            Solo producer = produce(sandbox, programs, input);
            if (!consumers) {
                return new Result(producer, null, null);
            }
            return new Result(producer, consume(sandbox, programs, Program.DATA_LAKE, input),
                    consume(sandbox, programs, Program.DATA_CLEAN, input));
        }
    }

    /** From the first message in the queues until both hold every line; the producer then exits 0. */
    private static Solo produce(Sandbox sandbox, Programs programs, InputFile input) throws Exception {
        Console.say("    logs-producer publishes %s lines into both queues, no consumer running",
                Console.number(input.requests()));
        Map<String, String> settings = sandbox.settings(Program.PRODUCER);
        settings.put("LOG_FILE", input.path().toString());
        try (RunningProgram producer = programs.start(Program.PRODUCER, settings)) {
            // A line is in both queues or in none, so the shallower queue counts the lines published.
            Fill fill = CompletionWatch.await(Map.of("queues", () -> Math.min(
                    sandbox.queues().depth(Program.DATA_LAKE.queue()).messages(),
                    sandbox.queues().depth(Program.DATA_CLEAN.queue()).messages())), input.requests(), List.of(producer))
                    .get("queues");
            producer.awaitExit(Duration.ofMinutes(5));
            Solo solo = new Solo(fill.perSecond(), fill.perSecondSince(producer.startedNanos()), producer.peakRssBytes());
            report(Program.PRODUCER, solo, "lines");
            return solo;
        }
    }

    /** From the first row in the table until it holds every line; then SIGTERM, and exit status 0. */
    private static Solo consume(Sandbox sandbox, Programs programs, Program consumer, InputFile input)
            throws Exception {
        long lines = input.lines();
        Console.say("    %s drains its backlog of %s lines into %s", consumer.module(), Console.number(input.requests()),
                consumer.table());
        try (RunningProgram program = programs.start(consumer, sandbox.settings(consumer))) {
            Fill fill = CompletionWatch.await(Map.of(consumer.table(),
                    () -> sandbox.database().storedLines(consumer.table())), lines, List.of(program))
                    .get(consumer.table());
            program.stop();
            sandbox.database().checkHolds(consumer.table(), input);
            Solo solo = new Solo(fill.perSecond(), fill.perSecondSince(program.startedNanos()), program.peakRssBytes());
            report(consumer, solo, "rows");
            return solo;
        }
    }

    private static void report(Program program, Solo solo, String unit) {
        Console.say("    %s: %s %s/s (%s including start-up), peak RSS %s", program.module(),
                Console.number(solo.perSecond()), unit, Console.number(solo.perSecondWithStartup()),
                Console.mebibytes(solo.peakRssBytes()));
    }
}
