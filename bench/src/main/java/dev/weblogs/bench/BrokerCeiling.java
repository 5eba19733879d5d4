package dev.weblogs.bench;

import dev.weblogs.amqp.Topology;
import dev.weblogs.failure.Secrets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Item 1: how many lines a second the broker itself takes on this machine, the ceiling of the pipeline,
 * measured by RabbitMQ's PerfTest through the pipeline's topology and with the programs' settings: one
 * producer publishing persistent messages of the average line's size with confirms, into two durable
 * queues, each drained by one consumer with manual multi-acks.
 */
final class BrokerCeiling {

    /** The producer's CONFIRM_WINDOW, and the consumers' BATCH_SIZE (they ack per batch) and PREFETCH. */
    private static final int CONFIRM_WINDOW = 10_000;
    private static final int ACK_EVERY = 1_000;
    private static final int PREFETCH = 2_000;
    /** As {@link Topology} declares the queues. */
    private static final String QUEUE_ARGUMENTS = "x-queue-version=2";

    private static final Pattern SENT = Pattern.compile("sending rate avg: (\\d+) msg/s");
    private static final Pattern RECEIVED = Pattern.compile("receiving rate avg: (\\d+) msg/s");

    /** Messages a second published (each into both queues), and delivered (both queues together). */
    record Result(double sentPerSecond, double receivedPerSecond) {
    }

    private BrokerCeiling() {
    }

    static Result measure(Services services, Programs programs, int messageSize, Duration duration) throws Exception {
        try (Vhost vhost = services.newVhost("perftest")) {
            return run(programs, List.of("--uri", vhost.uri().toString()), QUEUE_ARGUMENTS, messageSize, duration);
        }
    }

    /** PerfTest on the broker {@code uriArguments} name, with queues declared with {@code queueArguments}. */
    static Result run(Programs programs, List<String> uriArguments, String queueArguments, int messageSize,
                      Duration duration) throws Exception {
        List<String> arguments = new java.util.ArrayList<>(List.of(
                // Set, it keeps PerfTest from configuring logback, which is not the SLF4J provider here.
                "-Dlogback.configurationFile=none",
                "-cp", Programs.benchJar().toString(), "com.rabbitmq.perf.PerfTest"));
        arguments.addAll(uriArguments);
        arguments.addAll(List.of(
                "--exchange", Topology.EXCHANGE, "--type", "topic", "--routing-key", Topology.ROUTING_KEY,
                "--queue-pattern", "perf-test-%d", "--queue-pattern-from", "1", "--queue-pattern-to", "2",
                "--auto-delete", "false", "--queue-args", queueArguments,
                "--producers", "1", "--consumers", "2",
                "--flag", "persistent", "--confirm", Integer.toString(CONFIRM_WINDOW),
                "--size", Integer.toString(messageSize),
                "--multi-ack-every", Integer.toString(ACK_EVERY), "--qos", Integer.toString(PREFETCH),
                "--time", Long.toString(duration.toSeconds())));
        Console.say("    %s", Secrets.mask(String.join(" ", arguments.subList(3, arguments.size()))));
        try (RunningProgram perfTest = programs.startJava("perf-test", Map.of(), arguments)) {
            perfTest.awaitExit(duration.plusSeconds(60));
            String output = perfTest.output();
            Result result = new Result(rate(SENT, output, perfTest), rate(RECEIVED, output, perfTest));
            Console.say("    PerfTest: %s msg/s sent, %s msg/s received from both queues together",
                    Console.number(result.sentPerSecond()), Console.number(result.receivedPerSecond()));
            return result;
        }
    }

    private static double rate(Pattern pattern, String output, RunningProgram perfTest) {
        Matcher matcher = pattern.matcher(output);
        if (!matcher.find()) {
            throw new IllegalStateException("PerfTest printed no '" + pattern.pattern() + "':\n" + perfTest.outputTail());
        }
        return Double.parseDouble(matcher.group(1));
    }
}
