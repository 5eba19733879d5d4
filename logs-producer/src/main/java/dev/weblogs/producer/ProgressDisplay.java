package dev.weblogs.producer;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Locale;
import me.tongfei.progressbar.ProgressBar;
import me.tongfei.progressbar.ProgressBarBuilder;
import me.tongfei.progressbar.ProgressBarStyle;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * On a terminal, a progress bar over the file's bytes with lines, lines/s and ETA; elsewhere (a pipe, a
 * container log) a one-line summary every 10 seconds, which log collectors handle better.
 */
final class ProgressDisplay {

    private static final Duration SUMMARY_PERIOD = Duration.ofSeconds(10);

    private ProgressDisplay() {
    }

    static Progress forTerminal(Path file, boolean follow) {
        return System.console() != null ? new Bar(file, follow) : new Summary(file);
    }

    /** The progress bar: bytes of the file as the measure, lines and lines/s as the message. */
    private static final class Bar implements Progress {
        private final ProgressBar bar;
        private final long began = System.nanoTime();

        Bar(Path file, boolean follow) {
            bar = new ProgressBarBuilder()
                    .setTaskName(file.getFileName().toString())
                    .setInitialMax(follow ? -1 : 1)
                    .setStyle(ProgressBarStyle.COLORFUL_UNICODE_BLOCK)
                    .setUnit(" MB", 1_000_000)
                    .setUpdateIntervalMillis(250)
                    .build();
        }

        @Override
        public void update(long lines, long position, long size) {
            if (bar.getMax() >= 0) {
                bar.maxHint(Math.max(size, 1));
            }
            bar.stepTo(position);
            double seconds = (System.nanoTime() - began) / 1e9;
            bar.setExtraMessage(String.format(Locale.ROOT, " %,d lines, %,.0f lines/s", lines,
                    lines / Math.max(seconds, 1e-9)));
        }

        @Override
        public void close() {
            bar.close();
        }
    }

    /** A log line every 10 s. */
    private static final class Summary implements Progress {
        private static final Logger log = LoggerFactory.getLogger("progress");
        private final Path file;
        private long lastLog = System.nanoTime();
        private long lastLines;

        Summary(Path file) {
            this.file = file;
        }

        @Override
        public void update(long lines, long position, long size) {
            long now = System.nanoTime();
            if (now - lastLog >= SUMMARY_PERIOD.toNanos()) {
                log.info(String.format(Locale.ROOT, "%s: %,d lines published (%.0f lines/s), %.1f%% of the file read",
                        file, lines, (lines - lastLines) / ((now - lastLog) / 1e9),
                        size == 0 ? 100.0 : 100.0 * position / size));
                lastLog = now;
                lastLines = lines;
            }
        }

        @Override
        public void close() {
        }
    }
}
