package dev.weblogs.dashboard.query;

import java.util.List;

/**
 * A ranked table: its first rows by hits, and what they are a part of.
 *
 * @param hits   requests of the whole view (the rows' share is of this)
 * @param groups     how many distinct values have requests in the view
 * @param unresolved for browsers and OS, distinct user agents not parsed yet (their rows are in the
 *                   "(not resolved yet)" group until they are)
 */
public record PanelResult(String panel, String title, String field, long version, long hits, int groups,
                          int unresolved, List<PanelRow> rows) {
}
