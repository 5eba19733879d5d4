package dev.weblogs.failure;

/** Reading an exception's chain of causes, where what actually went wrong is usually at the bottom. */
public final class Causes {

    private Causes() {
    }

    /** The innermost message of the chain, first line only, passwords masked. */
    public static String rootMessage(Throwable e) {
        Throwable root = e;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        String message = root.getMessage();
        return Secrets.mask(message == null ? root.getClass().getSimpleName() : message.lines().findFirst().orElse(""));
    }

    /** The innermost cause of type {@code type}, or {@code null}. */
    public static <T extends Throwable> T innermost(Throwable e, Class<T> type) {
        T found = null;
        for (Throwable t = e; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (type.isInstance(t)) {
                found = type.cast(t);
            }
        }
        return found;
    }
}
