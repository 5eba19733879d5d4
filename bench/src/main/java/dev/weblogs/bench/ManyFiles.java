package dev.weblogs.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.FileOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.locks.LockSupport;

/**
 * Item 11: one producer following 50 logs under a glob, written at once at 5 000 lines/s in total (100 each,
 * in turn, a line at a time). A file's lag is how long ago the first line beyond its checkpoint (what the
 * broker has confirmed, saved every second) was written; the slowest file's lag says whether a file waits on
 * the others. Both consumers run, and every line must be stored at the end.
 */
final class ManyFiles {

    private static final Duration POLL = Duration.ofMillis(200);
    private static final Duration WARM_UP = Duration.ofSeconds(20);
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final long SEED = 11;

    /** The slowest file's lag after the warm-up: its 99th percentile and its worst, over the polls. */
    record Result(int files, double achievedRate, double slowestP99Millis, double slowestMaxMillis) {
    }

    private ManyFiles() {
    }

    static Result measure(Services services, Programs programs, Path work, int files, int rate, Duration duration)
            throws Exception {
        Path folder = Files.createDirectories(work.resolve("many-logs"));
        Path state = Files.createDirectories(work.resolve("many-state"));
        InputGenerator generator = new InputGenerator(SEED);
        List<Log> logs = new ArrayList<>();
        for (int i = 0; i < files; i++) {
            logs.add(new Log(folder.resolve(String.format("site%02d.access.log", i)), generator));
        }
        int lines = (int) (rate * (WARM_UP.toSeconds() + duration.toSeconds()));
        try (Sandbox sandbox = services.newSandbox("many-files");
             Consumers consumers = Consumers.start(sandbox, programs)) {
            Map<String, String> settings = sandbox.settings(Program.PRODUCER);
            settings.put("LOG_FILE", folder.resolve("*.access.log").toString());
            settings.put("STATE_DIR", state.toString());
            try (RunningProgram producer = programs.start(Program.PRODUCER, settings, "--follow")) {
                Console.say("    %d files, %s lines/s in all for %d s (%d s of warm-up not counted)", files,
                        Console.number(rate), WARM_UP.toSeconds() + duration.toSeconds(), WARM_UP.toSeconds());
                long began = System.nanoTime();
                List<long[]> polls = new ArrayList<>();
                int written = 0;
                long lastPoll = began;
                while (written < lines) {
                    long due = began + written * 1_000_000_000L / rate;
                    long now = System.nanoTime();
                    if (now < due) {
                        LockSupport.parkNanos(Math.min(due - now, POLL.toNanos()));
                    } else {
                        logs.get(written % files).write(written);
                        written++;
                    }
                    if (now - lastPoll >= POLL.toNanos()) {
                        lastPoll = now;
                        producer.checkNotFailed();
                        if (now - began >= WARM_UP.toNanos()) {
                            polls.add(lags(logs, state, now));
                        }
                    }
                }
                double achieved = written / ((System.nanoTime() - began) / 1e9);
                List<RunningProgram> watched = new ArrayList<>(consumers.running());
                watched.add(producer);
                CompletionWatch.await(Consumers.storedLines(sandbox.database()), written, watched);
                // The files are shipped side by side: the newest line may be stored before older ones of others.
                for (long deadline = System.nanoTime() + Duration.ofMinutes(2).toNanos();
                        !Consumers.allStored(sandbox.database(), written) && System.nanoTime() < deadline; ) {
                    Thread.sleep(1_000);
                }
                Consumers.checkAllStored(sandbox.database(), written);
                producer.stop();
                consumers.stop();
                double worstP99 = 0;
                double worstMax = 0;
                for (int f = 0; f < files; f++) {
                    long[] lags = new long[polls.size()];
                    for (int p = 0; p < lags.length; p++) {
                        lags[p] = polls.get(p)[f];
                    }
                    Arrays.sort(lags);
                    worstP99 = Math.max(worstP99, lags[(int) Math.ceil(0.99 * lags.length) - 1] / 1e6);
                    worstMax = Math.max(worstMax, lags[lags.length - 1] / 1e6);
                }
                Console.say("    slowest file: p99 lag %.0f ms, max %.0f ms", worstP99, worstMax);
                return new Result(files, achieved, worstP99, worstMax);
            }
        }
    }

    /** Each file's lag now: how long ago the first line its checkpoint does not cover was written. */
    private static long[] lags(List<Log> logs, Path state, long now) throws IOException {
        Map<String, Long> positions = new java.util.HashMap<>();
        try (DirectoryStream<Path> checkpoints = Files.newDirectoryStream(state, "*.json")) {
            for (Path checkpoint : checkpoints) {
                String name = checkpoint.getFileName().toString();
                JsonNode saved = JSON.readTree(checkpoint.toFile());
                positions.put(name.substring(0, name.lastIndexOf('-')), saved.path("position").asLong());
            }
        } catch (IOException e) {
            // a checkpoint replaced while it was listed: the next poll reads it
        }
        long[] lags = new long[logs.size()];
        for (int f = 0; f < lags.length; f++) {
            Log log = logs.get(f);
            lags[f] = log.lagAt(positions.getOrDefault(log.path.getFileName().toString(), 0L), now);
        }
        return lags;
    }

    /** One of the logs: its lines' end offsets and when each was written. */
    private static final class Log {
        private final Path path;
        private final InputGenerator generator;
        private final OutputStream out;
        private long[] ends = new long[1024];
        private long[] times = new long[1024];
        private int count;
        private long size;

        Log(Path path, InputGenerator generator) throws IOException {
            this.path = path;
            this.generator = generator;
            this.out = new FileOutputStream(path.toFile(), true);
        }

        void write(long n) throws IOException {
            byte[] line = (generator.line(n) + "\n").getBytes(StandardCharsets.UTF_8);
            out.write(line);
            if (count == ends.length) {
                ends = Arrays.copyOf(ends, count * 2);
                times = Arrays.copyOf(times, count * 2);
            }
            size += line.length;
            ends[count] = size;
            times[count++] = System.nanoTime();
        }

        /** Nanoseconds since the first line ending after {@code position} was written; 0 when all are covered. */
        long lagAt(long position, long now) {
            int i = Arrays.binarySearch(ends, 0, count, position);
            int first = i >= 0 ? i + 1 : -i - 1;
            return first >= count ? 0 : now - times[first];
        }
    }
}
