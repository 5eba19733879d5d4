package dev.weblogs.dashboard.store;

/** How far the first load has come, for the page to show while it waits. */
public final class LoadProgress {

    private volatile long expected;
    private volatile long loaded;

    void start(long rows) {
        expected = rows;
        loaded = 0;
    }

    void loaded(int rows) {
        loaded += rows;
    }

    public long expected() {
        return expected;
    }

    public long loaded() {
        return loaded;
    }
}
