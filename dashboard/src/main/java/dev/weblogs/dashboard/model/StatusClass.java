package dev.weblogs.dashboard.model;

/** A status code's class, "1xx" .. "5xx", or "other": what the timeline stacks and the overview shares. */
public final class StatusClass {

    public static final String[] NAMES = {"1xx", "2xx", "3xx", "4xx", "5xx", "other"};
    public static final int CLIENT_ERROR = 3;
    public static final int SERVER_ERROR = 4;

    private StatusClass() {
    }

    /** Index into {@link #NAMES}. */
    public static int of(int status) {
        return status >= 100 && status < 600 ? status / 100 - 1 : NAMES.length - 1;
    }
}
