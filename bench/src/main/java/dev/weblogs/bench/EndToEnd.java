package dev.weblogs.bench;

import dev.weblogs.bench.InputGenerator.InputFile;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Item 4: the whole pipeline. Both consumers run and are subscribed; the producer starts and publishes the
 * file; the figure is lines per second from the producer's start until both tables hold every line.
 */
final class EndToEnd {

    private EndToEnd() {
    }

    /** @return lines per second */
    static double measure(Services services, Programs programs, InputFile input) throws Exception {
        try (Sandbox sandbox = services.newSandbox("end-to-end");
             Consumers consumers = Consumers.start(sandbox, programs)) {
            Console.say("    consumers subscribed; logs-producer publishes %s lines", Console.number(input.lines()));
            Map<String, String> settings = sandbox.settings(Program.PRODUCER);
            settings.put("LOG_FILE", input.path().toString());
            long done;
            long started;
            try (RunningProgram producer = programs.start(Program.PRODUCER, settings)) {
                started = producer.startedNanos();
                List<RunningProgram> watched = new ArrayList<>(consumers.running());
                watched.add(producer);
                Map<String, Fill> fills = CompletionWatch.await(Consumers.storedLines(sandbox.database()),
                        input.lines(), watched);
                done = fills.values().stream().mapToLong(Fill::doneNanos).max().orElseThrow();
                producer.awaitExit(Duration.ofMinutes(1));
            }
            consumers.stop();
            Consumers.checkAllStored(sandbox.database(), input.lines());
            double perSecond = input.lines() / ((done - started) / 1e9);
            Console.say("    end to end: %s lines/s (%s lines in %s)", Console.number(perSecond),
                    Console.number(input.lines()), Console.seconds(done - started));
            return perSecond;
        }
    }
}
