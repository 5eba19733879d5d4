package dev.weblogs.sink;

/** A failed write, and what it calls for. */
public final class StoreException extends RuntimeException {

    /** What a failed write calls for. */
    public enum Kind {
        /** The database cannot be used for now (down, unreachable, a deadlock): wait and write again. */
        UNAVAILABLE,
        /** The database refuses a value of some row for good: find that row and set it aside. */
        ROW_REFUSED,
        /** Nothing written can succeed until someone acts (a missing table, a revoked grant): stop. */
        FATAL,
        /**
         * Nobody foresaw it (an error the driver raises on a connection broken mid-batch, say): write again a few
         * times, then stop.
         */
        UNEXPECTED
    }

    private final Kind kind;

    public StoreException(Kind kind, String message, Throwable cause) {
        super(message, cause);
        this.kind = kind;
    }

    public Kind kind() {
        return kind;
    }
}
