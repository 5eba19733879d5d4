package dev.weblogs.dashboard.model;

import java.util.Map;

/**
 * The model as one query sees it: its arrays, read directly by the scans, valid only inside
 * {@link LogModel#read}. Rows {@code 0 .. size-1}; a row with 0 occurrences is deleted.
 *
 * @param version    the model's version: every change to the rows increments it
 * @param live       rows not deleted
 * @param unresolved distinct user agents whose browser and OS are not known yet
 * @param newest     the latest {@code timestamp} of any row, as seconds since 1970
 * @param reasons    status code to its reason phrase, from {@code status_verbose}
 * @param whole      the figures of all live rows, kept as they change
 */
public record Frame(long version, int size, int live, int unresolved, long newest, long[] highs, long[] lows, long[] times,
                    long[] bytes, int[] occurrences, int[][] codes, Dictionary[] dictionaries, Dictionary browsers,
                    Dictionary systems, int[] browserOfAgent, int[] systemOfAgent, Map<String, String> reasons,
                    TableTally whole) {

    public int[] codes(Column column) {
        return codes[column.ordinal()];
    }

    public Dictionary dictionary(Column column) {
        return dictionaries[column.ordinal()];
    }

    public String id(int row) {
        return Md5.hex(highs[row], lows[row]);
    }
}
