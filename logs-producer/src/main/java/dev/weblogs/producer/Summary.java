package dev.weblogs.producer;

import dev.weblogs.source.LineReader;
import java.io.PrintStream;
import java.util.List;
import java.util.Locale;

/** What a run did, as it prints it: a line per log as it is done, and a total when there were several. */
final class Summary {

    private Summary() {
    }

    static void ofOne(LogShipper.Shipped shipped, PrintStream out) {
        boolean stdin = !shipped.checkpointed();
        out.printf(Locale.ROOT, "published %d lines of %s in %.1f s (%.0f lines/s)%s%s%s%n", shipped.published(),
                shipped.log(), shipped.seconds(), shipped.published() / Math.max(shipped.seconds(), 1e-9),
                shipped.unconfirmed() == 0 ? ", all confirmed" : "; " + shipped.unconfirmed()
                        + " not confirmed, they will be published again on the next run",
                shipped.skipped() == 0 ? "" : "; " + shipped.skipped() + " lines longer than "
                        + LineReader.MAX_LINE_BYTES + " bytes skipped (see the warnings)",
                stdin ? " (no checkpoint: a second run publishes it again, and its lines are not stored twice)" : "");
    }

    /** @return whether every line of every log is confirmed */
    static boolean ofAll(List<LogShipper.Shipped> all, double seconds, PrintStream out) {
        long published = all.stream().mapToLong(LogShipper.Shipped::published).sum();
        long unconfirmed = all.stream().mapToLong(LogShipper.Shipped::unconfirmed).sum();
        if (all.size() > 1) {
            out.printf(Locale.ROOT, "published %d lines of %d logs in %.1f s (%.0f lines/s)%s%n", published,
                    all.size(), seconds, published / Math.max(seconds, 1e-9),
                    unconfirmed == 0 ? ", all confirmed" : "; " + unconfirmed + " not confirmed");
        }
        return unconfirmed == 0;
    }
}
