package dev.weblogs.dashboard.store;

/**
 * Whether the follower can read the database now, and if not why: for {@code /health} and the page's banner.
 *
 * @param up      the last read succeeded
 * @param problem what went wrong, one line, or {@code null}
 * @param since   when the state began, ms since 1970
 */
public record LinkStatus(boolean up, String problem, long since) {
}
