package dev.weblogs.bench;

import dev.weblogs.bench.InputGenerator.InputFile;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;

/**
 * Item 12: what counting every request costs the consumers. Each consumer alone (as items 2 and 3) on an input
 * where one line in {@value #REPEAT_EVERY} is written twice in a row, and on the same lines without repeats;
 * twice each, alternately, so that neither has the machine to itself, and the better run of each counts. Rates
 * are lines of the file per second, the work a consumer does; the tables are checked to count every repeat.
 */
final class OccurrenceCost {

    static final int REPEAT_EVERY = 100;
    private static final int ROUNDS = 2;
    private static final long SEED = 12;

    /** Lines per second of each consumer alone, without repeats and with them. */
    record Result(double lakePlain, double lakeRepeats, double cleanPlain, double cleanRepeats) {

        void addTo(Report report) {
            String title = "12. Counting repeats, 1 line in " + REPEAT_EVERY + " repeated: ";
            report.add(title + "consumer-data-lake alone", cost(lakeRepeats, lakePlain), "—", Report.Met.NONE);
            report.add(title + "consumer-data-clean alone", cost(cleanRepeats, cleanPlain), "—", Report.Met.NONE);
        }

        private static String cost(double repeats, double plain) {
            return String.format(Locale.ROOT, "%s lines/s (%s without repeats: %+.0f %%)", Console.number(repeats),
                    Console.number(plain), (repeats / plain - 1) * 100);
        }
    }

    private OccurrenceCost() {
    }

    static Result measure(Services services, Programs programs, Path work, long lines) throws Exception {
        InputFile plain = new InputGenerator(SEED).write(work.resolve("plain.log"), lines);
        InputFile repeats = new InputGenerator(SEED).write(work.resolve("repeats.log"), lines, REPEAT_EVERY);
        Console.say("    inputs: %s lines, and the same with %s lines repeated (%s lines)", Console.number(lines),
                Console.number(repeats.requests() - repeats.lines()), Console.number(repeats.requests()));
        double[] plainBest = new double[2];   // lake, clean
        double[] repeatsBest = new double[2];
        try {
            for (int round = 1; round <= ROUNDS; round++) {
                Console.say("    round %d of %d, without repeats", round, ROUNDS);
                keepBest(plainBest, SoloRuns.measure(services, programs, plain, true), plain);
                Console.say("    round %d of %d, with repeats", round, ROUNDS);
                keepBest(repeatsBest, SoloRuns.measure(services, programs, repeats, true), repeats);
            }
        } finally {
            Files.deleteIfExists(plain.path());
            Files.deleteIfExists(repeats.path());
        }
        return new Result(plainBest[0], repeatsBest[0], plainBest[1], repeatsBest[1]);
    }

    /** Rows per second to lines per second: each row of a repeated line was two messages. */
    private static void keepBest(double[] best, SoloRuns.Result run, InputFile input) {
        double linesPerRow = (double) input.requests() / input.lines();
        best[0] = Math.max(best[0], run.dataLake().perSecond() * linesPerRow);
        best[1] = Math.max(best[1], run.dataClean().perSecond() * linesPerRow);
    }
}
