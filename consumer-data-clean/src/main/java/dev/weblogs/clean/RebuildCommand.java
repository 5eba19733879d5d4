package dev.weblogs.clean;

import dev.weblogs.cli.DatabaseOptions;
import dev.weblogs.cli.Progress;
import dev.weblogs.cli.ProgressDisplay;
import dev.weblogs.geo.GeoLocator;
import dev.weblogs.lifecycle.Stop;
import dev.weblogs.store.CleanLog;
import dev.weblogs.store.CleanTables;
import dev.weblogs.store.Database;
import dev.weblogs.store.Rebuild;
import dev.weblogs.store.RebuildCounts;
import dev.weblogs.store.RebuildScope;
import dev.weblogs.store.RejectedLine;
import dev.weblogs.transform.CleanLogMapper;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.slf4j.LoggerFactory;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;

/**
 * {@code consumer-data-clean rebuild}: clean-log and clean-log-rejected made again from raw-log with today's
 * parser and GeoIP database, while the consumer may keep running; resumable and idempotent.
 */
@Command(name = "rebuild", mixinStandardHelpOptions = true, sortOptions = false,
        description = "Makes clean-log and clean-log-rejected again from raw-log, with this version's parser and "
                + "the GeoIP database given: what the consumer would store for every line today.%n"
                + "The consumer may keep running. Interrupted, it continues where it stopped when run again.")
final class RebuildCommand implements Callable<Integer> {

    private static final Duration PATIENCE = Duration.ofSeconds(30);

    @Option(names = "--rejected", description = "Only the lines in clean-log-rejected (after a parser fix).")
    private boolean rejected;

    @Option(names = "--since", paramLabel = "<yyyy-mm-dd>",
            description = "Only the lines written on or after this day, in each line's own time.")
    private LocalDate since;

    @Mixin
    private DatabaseOptions database;

    @Mixin
    private GeoIpOptions geoIp;

    /** Read by the command line before parsing, since logging is set up before that. */
    @Option(names = {"-v", "--verbose"}, description = "Log debug details and show stack traces.")
    private boolean verbose;

    @ParentCommand
    private DataCleanConsumer consumer;

    @Override
    public Integer call() {
        Stop stop = consumer.stop();
        RebuildScope scope = new RebuildScope(rejected, since);
        List<Class<?>> entities = List.of(CleanLog.class, RejectedLine.class);
        List<String> tables = new ArrayList<>(CleanTables.ALL);
        tables.add("clean-log-rebuild");
        try (GeoLocator geo = geoIp.open();
             Database db = Database.connect(database.settings().withPoolOfAtLeast(Rebuild.CONNECTIONS), entities, tables,
                     PATIENCE, stop, Database.Isolation.READ_COMMITTED)) {
            LoggerFactory.getLogger(RebuildCommand.class).info("GeoIP database: {}", geo.description());
            Rebuild rebuild = new Rebuild(db, new CleanLogMapper(geo), Clock.systemUTC(), stop);
            long total = rebuild.total(scope);
            long began = System.nanoTime();
            Rebuild.Outcome outcome;
            try (Progress progress = ProgressDisplay.forTerminal("rebuild", "rows", " rows", 1, false)) {
                outcome = rebuild.run(scope, counts -> progress.update(counts.read(), counts.read(), total));
            }
            System.out.println(summary(outcome, (System.nanoTime() - began) / 1e9));
            return 0;
        } catch (Stop.Stopped e) {
            System.out.println("rebuild: stopped while waiting for the database; run it again to continue");
            return 0;
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    private static String summary(Rebuild.Outcome outcome, double seconds) {
        RebuildCounts counts = outcome.counts();
        return String.format(Locale.ROOT, "rebuild: %,d rows of raw-log read%s in %.1f s (%,.0f rows/s): %,d changed, "
                        + "%,d newly parsed, %,d newly rejected%s", counts.read(), outcome.resumed() ? " (resumed)" : "",
                seconds, counts.read() / Math.max(seconds, 1e-9), counts.changed(), counts.newlyParsed(),
                counts.newlyRejected(), outcome.finished() ? "" : "; stopped: run rebuild again to continue");
    }
}
