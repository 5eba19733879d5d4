package dev.weblogs.dashboard.bench;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/** Latencies of one kind of request, in milliseconds. */
final class Percentiles {

    private final List<Double> millis = new ArrayList<>();

    synchronized void add(double value) {
        millis.add(value);
    }

    /** The nearest-rank percentile: the value that {@code p} percent of the samples do not exceed. */
    synchronized double at(double p) {
        List<Double> sorted = new ArrayList<>(millis);
        Collections.sort(sorted);
        int rank = (int) Math.ceil(p / 100 * sorted.size());
        return sorted.get(Math.max(0, rank - 1));
    }

    synchronized int count() {
        return millis.size();
    }
}
