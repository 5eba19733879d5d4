package dev.weblogs.cli;

import java.time.Duration;
import java.util.Locale;
import me.tongfei.progressbar.ProgressBar;
import me.tongfei.progressbar.ProgressBarBuilder;
import me.tongfei.progressbar.ProgressBarStyle;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * On a terminal, a progress bar with the items done, their rate and the time left; elsewhere (a pipe, a
 * container log) a one-line summary every 10 seconds, which log collectors handle better.
 */
public final class ProgressDisplay {

    private static final Duration SUMMARY_PERIOD = Duration.ofSeconds(10);

    private ProgressDisplay() {
    }

    /**
     * @param task      what is shown first, such as the file's name
     * @param items     what the task counts, such as "lines"
     * @param unit      the measure's unit on the bar, such as " MB"
     * @param unitSize  how many of the measure's values make one unit
     * @param unbounded whether the measure has no end (a log followed forever)
     */
    public static Progress forTerminal(String task, String items, String unit, long unitSize, boolean unbounded) {
        return System.console() != null ? new Bar(task, items, unit, unitSize, unbounded) : new Summary(task, items);
    }

    /** The progress bar: the measure as the bar, items and items/s as its message. */
    private static final class Bar implements Progress {
        private final ProgressBar bar;
        private final String items;
        private final long began = System.nanoTime();

        Bar(String task, String items, String unit, long unitSize, boolean unbounded) {
            this.items = items;
            bar = new ProgressBarBuilder()
                    .setTaskName(task)
                    .setInitialMax(unbounded ? -1 : 1)
                    .setStyle(ProgressBarStyle.COLORFUL_UNICODE_BLOCK)
                    .setUnit(unit, unitSize)
                    .setUpdateIntervalMillis(250)
                    .build();
        }

        @Override
        public void update(long count, long done, long total) {
            if (bar.getMax() >= 0) {
                bar.maxHint(Math.max(total, 1));
            }
            bar.stepTo(done);
            double seconds = (System.nanoTime() - began) / 1e9;
            bar.setExtraMessage(String.format(Locale.ROOT, " %,d %s, %,.0f %s/s", count, items,
                    count / Math.max(seconds, 1e-9), items));
        }

        @Override
        public void close() {
            bar.close();
        }
    }

    /** A log line every 10 s. */
    private static final class Summary implements Progress {
        private static final Logger log = LoggerFactory.getLogger("progress");
        private final String task;
        private final String items;
        private long lastLog = System.nanoTime();
        private long lastCount;

        Summary(String task, String items) {
            this.task = task;
            this.items = items;
        }

        @Override
        public void update(long count, long done, long total) {
            long now = System.nanoTime();
            if (now - lastLog >= SUMMARY_PERIOD.toNanos()) {
                log.info(String.format(Locale.ROOT, "%s: %,d %s (%.0f %s/s), %.1f%% done", task, count, items,
                        (count - lastCount) / ((now - lastLog) / 1e9), items, total == 0 ? 100.0 : 100.0 * done / total));
                lastLog = now;
                lastCount = count;
            }
        }

        @Override
        public void close() {
        }
    }
}
