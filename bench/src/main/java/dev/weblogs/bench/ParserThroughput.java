package dev.weblogs.bench;

import java.util.Collection;
import java.util.regex.Pattern;
import org.openjdk.jmh.results.RunResult;
import org.openjdk.jmh.runner.Runner;
import org.openjdk.jmh.runner.RunnerException;
import org.openjdk.jmh.runner.options.Options;
import org.openjdk.jmh.runner.options.OptionsBuilder;
import org.openjdk.jmh.runner.options.TimeValue;
import org.openjdk.jmh.runner.options.VerboseMode;

/** Item 6: runs {@link ParserBenchmarks} with JMH in a forked JVM, on one thread, in about a minute. */
final class ParserThroughput {

    private static final int WARM_UP_ITERATIONS = 3;
    private static final int ITERATIONS = 5;
    private static final TimeValue ITERATION_TIME = TimeValue.seconds(3);

    /** Operations per second on one core. */
    record Result(double linesPerSecond, double lookupsPerSecond) {
    }

    private ParserThroughput() {
    }

    static Result measure() throws RunnerException {
        Console.say("    JMH, 1 fork, 1 thread, per benchmark %d × %s warm-up and %d × %s measured",
                WARM_UP_ITERATIONS, ITERATION_TIME, ITERATIONS, ITERATION_TIME);
        Options options = new OptionsBuilder()
                .include(Pattern.quote(ParserBenchmarks.class.getName()) + "\\.")
                .forks(1)
                .threads(1)
                .warmupIterations(WARM_UP_ITERATIONS)
                .warmupTime(ITERATION_TIME)
                .measurementIterations(ITERATIONS)
                .measurementTime(ITERATION_TIME)
                .verbosity(VerboseMode.SILENT)
                .shouldFailOnError(true)
                .build();
        Collection<RunResult> results = new Runner(options).run();
        Result result = new Result(score(results, "parseAndHash"), score(results, "geoLookup"));
        Console.say("    parse + md5: %s lines/s; GeoIP: %s lookups/s", Console.number(result.linesPerSecond()),
                Console.number(result.lookupsPerSecond()));
        return result;
    }

    private static double score(Collection<RunResult> results, String method) {
        return results.stream()
                .filter(r -> r.getParams().getBenchmark().endsWith("." + method))
                .findFirst()
                .orElseThrow(() -> new IllegalStateException("JMH ran no " + method))
                .getPrimaryResult().getScore();
    }
}
