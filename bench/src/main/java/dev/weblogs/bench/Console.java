package dev.weblogs.bench;

import java.util.Locale;

/** Progress lines, each with the time since the bench started, since an item can take minutes. */
final class Console {

    private static final long STARTED = System.nanoTime();

    private Console() {
    }

    static void say(String format, Object... args) {
        long seconds = (System.nanoTime() - STARTED) / 1_000_000_000L;
        System.out.printf(Locale.ROOT, "[%02d:%02d] %s%n", seconds / 60, seconds % 60,
                String.format(Locale.ROOT, format, args));
        System.out.flush();
    }

    /** 1234567 as {@code 1 234 567}: readable in a table without a locale's separator; NaN as a dash. */
    static String number(double value) {
        if (Double.isNaN(value)) {
            return "—";
        }
        return String.format(Locale.ROOT, "%,d", Math.round(value)).replace(',', ' ');
    }

    static String mebibytes(long bytes) {
        return String.format(Locale.ROOT, "%d MiB", Math.round(bytes / 1048576.0));
    }

    static String seconds(long nanos) {
        return String.format(Locale.ROOT, "%.1f s", nanos / 1e9);
    }
}
