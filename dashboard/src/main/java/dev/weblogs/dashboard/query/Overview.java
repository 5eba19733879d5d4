package dev.weblogs.dashboard.query;

/**
 * The figures at the top of the page.
 *
 * @param first    earliest {@code timestamp} among the view's rows, seconds since 1970 ({@code null} when none)
 * @param last     latest one
 * @param previous the previous period's figures, or {@code null}
 * @param newest   the latest {@code timestamp} in the whole table, for how far the data is behind
 * @param rows     rows in the whole table
 */
public record Overview(long version, String range, Long from, Long to, Long first, Long last, Totals current,
                       Totals previous, Long newest, long now, int rows) {
}
