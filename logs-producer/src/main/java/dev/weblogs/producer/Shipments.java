package dev.weblogs.producer;

import dev.weblogs.amqp.Publisher;
import dev.weblogs.lifecycle.Stop;
import dev.weblogs.source.Checkpoint;
import dev.weblogs.source.CheckpointStore;
import dev.weblogs.source.LogPattern;
import dev.weblogs.source.ResumePoint;
import dev.weblogs.source.StreamedLog;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.Consumer;

/**
 * Ships every log the patterns name, each on its own thread with its own checkpoint, over one publisher. Under
 * follow, the patterns are looked at again every second, and a file that starts to match is shipped from then
 * on; without, the files that match at the start are shipped to their end, a few at a time.
 */
final class Shipments {

    private static final Duration RESCAN = Duration.ofSeconds(1);
    /** Files read at once without follow: enough to keep the broker busy, few enough to keep few files open. */
    private static final int AT_ONCE = 8;

    /** A log being shipped: a followed path, or a file read once (its file key tells a new file at its path). */
    private record Started(Object fileKey, boolean followed, Future<LogShipper.Shipped> result) {
    }

    /** A file, as the pattern that matched it first names it. */
    private record Match(Path path, LogPattern pattern) {
    }

    private final List<LogPattern> patterns;
    private final boolean follow;
    private final boolean fromStart;
    private final CheckpointStore checkpoints;
    private final Publisher publisher;
    private final ProgressTotal progress;
    private final Stop stop;
    private final MeterRegistry metrics;
    private final InputStream standardInput;
    private final Consumer<LogShipper.Shipped> onShipped;
    private final Map<Path, Started> started = new HashMap<>();
    private final List<Future<LogShipper.Shipped>> results = new ArrayList<>();

    Shipments(List<LogPattern> patterns, boolean follow, boolean fromStart, CheckpointStore checkpoints,
              Publisher publisher, ProgressTotal progress, Stop stop, MeterRegistry metrics, InputStream standardInput,
              Consumer<LogShipper.Shipped> onShipped) {
        this.patterns = patterns;
        this.follow = follow;
        this.fromStart = fromStart;
        this.checkpoints = checkpoints;
        this.publisher = publisher;
        this.progress = progress;
        this.stop = stop;
        this.metrics = metrics;
        this.standardInput = standardInput;
        this.onShipped = onShipped;
    }

    /** Ships until every log is at its end (without follow) or a stop request; what each shipper did. */
    List<LogShipper.Shipped> run() throws IOException, InterruptedException {
        ExecutorService threads = follow ? Executors.newCachedThreadPool() : Executors.newFixedThreadPool(AT_ONCE);
        try {
            for (LogPattern pattern : patterns) {
                if (pattern.isStandardInput()) {
                    ship(threads, pattern, "standard input", null, Reading.standardInput(standardInput, stop));
                }
            }
            do {
                startNewFiles(threads);
            } while (follow && !failed() && stop.pause(RESCAN));
            if (failed()) {
                stop.request(); // one log's shipper cannot go on (the broker refuses its lines): neither can the rest
            }
            return outcomes();
        } finally {
            threads.shutdownNow();
        }
    }

    private void startNewFiles(ExecutorService threads) throws IOException {
        Map<Path, Match> matched = new LinkedHashMap<>();
        for (LogPattern pattern : patterns) {
            if (!pattern.isStandardInput()) {
                for (Path path : pattern.files()) {
                    matched.putIfAbsent(path.toAbsolutePath().normalize(), new Match(path, pattern));
                }
            }
        }
        List<Checkpoint> known = null;
        for (Map.Entry<Path, Match> match : matched.entrySet()) {
            Path path = match.getValue().path();
            Started before = started.get(match.getKey());
            Object fileKey = fileKey(path);
            if (before != null && (before.followed() || Objects.equals(before.fileKey(), fileKey))) {
                continue;
            }
            if (known == null) {
                known = fromStart ? List.of() : checkpoints.loadAll();
            }
            boolean compressed = StreamedLog.isCompressed(path);
            Reading reading = compressed ? Reading.compressed(path, known, stop)
                    : Reading.followed(path, resumePoint(path, known, matched.keySet()), follow, stop);
            started.put(match.getKey(), new Started(fileKey, !compressed,
                    ship(threads, match.getValue().pattern(), path.toString(), path, reading)));
        }
    }

    /**
     * Where a plain file continues: after its own checkpoint, or what an earlier run read of its content under
     * another name. A rotated file beside it is finished first only when no pattern ships it on its own.
     */
    private ResumePoint resumePoint(Path path, List<Checkpoint> known, Set<Path> matched) throws IOException {
        if (fromStart) {
            return ResumePoint.start(path);
        }
        return ResumePoint.after(path, checkpoints.load(path), known,
                sibling -> matched.contains(sibling.toAbsolutePath().normalize()));
    }

    private Future<LogShipper.Shipped> ship(ExecutorService threads, LogPattern pattern, String name, Path path,
                                            Reading reading) {
        Counter lines = Counter.builder("weblogs.lines.read").tag("log", pattern.text()).register(metrics);
        LogShipper shipper = new LogShipper(name, path, checkpoints, publisher, progress.part(), stop, lines);
        Future<LogShipper.Shipped> result = threads.submit(() -> {
            Thread.currentThread().setName("ship " + (path == null ? name : path.getFileName()));
            LogShipper.Shipped shipped = shipper.run(reading);
            onShipped.accept(shipped);
            return shipped;
        });
        results.add(result);
        return result;
    }

    private boolean failed() {
        for (Future<LogShipper.Shipped> result : results) {
            if (result.isDone() && !result.isCancelled()) {
                try {
                    result.get();
                } catch (ExecutionException e) {
                    return true;
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    return true;
                }
            }
        }
        return false;
    }

    /** Every shipper's outcome, once all are done; the first failure is thrown as it was. */
    private List<LogShipper.Shipped> outcomes() throws IOException, InterruptedException {
        List<LogShipper.Shipped> all = new ArrayList<>();
        Throwable failure = null;
        for (Future<LogShipper.Shipped> result : results) {
            try {
                all.add(result.get());
            } catch (ExecutionException e) {
                failure = failure == null ? e.getCause() : failure;
            }
        }
        if (failure instanceof IOException e) {
            throw e;
        }
        if (failure instanceof RuntimeException e) {
            throw e;
        }
        if (failure != null) {
            throw new IllegalStateException(failure);
        }
        return all;
    }

    private static Object fileKey(Path path) {
        try {
            return Files.readAttributes(path, BasicFileAttributes.class).fileKey();
        } catch (IOException e) {
            return null;
        }
    }
}
