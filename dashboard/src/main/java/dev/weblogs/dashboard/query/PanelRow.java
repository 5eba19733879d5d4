package dev.weblogs.dashboard.query;

/**
 * One line of a ranked table.
 *
 * @param value    the value as filters name it ({@code null} for SQL's NULL)
 * @param label    how the page shows it ("404 Not Found", "Unknown")
 * @param hits     requests: the sum of {@code occurrences}
 * @param ips      distinct client IPs
 * @param bytes    the sum of {@code size_bytes * occurrences}
 * @param previous the same figures in the previous period, or {@code null} when not compared
 */
public record PanelRow(String value, String label, long hits, long ips, long bytes, Figures previous) {

    /** Requests, distinct IPs and bytes of one group in one period. */
    public record Figures(long hits, long ips, long bytes) {
    }
}
