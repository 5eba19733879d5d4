package dev.weblogs.dashboard.model;

import java.util.Arrays;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * {@code clean-log} in memory, a column per array: about 90 bytes a row, and the whole table's figures
 * ({@link TableTally}) counted as rows are stored. A row deleted from the table keeps its
 * place with 0 occurrences, which every query skips, so row numbers never change.
 *
 * <p>Not thread-safe: {@link LogModel} changes it under its write lock and reads it under its read lock.
 */
final class LogTable {

    private static final Column[] COLUMNS = Column.values();

    /** What browser and OS are until the resolver has parsed a new user agent. */
    static final String UNRESOLVED = "(not resolved yet)";

    private final Dictionary[] dictionaries = new Dictionary[COLUMNS.length];
    private final Dictionary browsers = new Dictionary();
    private final Dictionary systems = new Dictionary();
    private final Map<String, String> reasons = new HashMap<>();
    private final IdIndex index;
    private final TableTally tally;
    private int[] browserOfAgent = new int[16];
    private int[] systemOfAgent = new int[16];
    /** User agents with a lower code have their browser and OS; the others await {@link #resolved}. */
    private int resolvedAgents = 1;

    private int size;
    private int live;
    private long newest = Long.MIN_VALUE;
    private long[] highs;
    private long[] lows;
    private long[] times;
    private long[] bytes;
    private int[] occurrences;
    private final int[][] codes = new int[COLUMNS.length][];

    LogTable(int expectedRows) {
        // Room for the rows that arrive after the load, before the arrays must grow by half.
        int capacity = Math.max(1024, expectedRows + expectedRows / 16);
        highs = new long[capacity];
        lows = new long[capacity];
        times = new long[capacity];
        bytes = new long[capacity];
        occurrences = new int[capacity];
        for (Column column : COLUMNS) {
            codes[column.ordinal()] = new int[capacity];
            dictionaries[column.ordinal()] = new Dictionary();
        }
        index = new IdIndex(capacity);
        tally = new TableTally(dictionaries[Column.STATUS.ordinal()]);
    }

    /** Stores the current state of a row: added when its id is new, replaced otherwise. */
    void put(LogRow row) {
        long high = Md5.high(row.id());
        long low = Md5.low(row.id());
        int at = index.find(high, low, highs, lows);
        if (at < 0) {
            at = size;
            grow(size + 1);
            highs[at] = high;
            lows[at] = low;
            size++;
            index.add(at, highs, lows);
        } else if (occurrences[at] > 0) {
            count(at, -1);
        }
        live += (row.occurrences() > 0 ? 1 : 0) - (occurrences[at] > 0 ? 1 : 0);
        times[at] = row.time();
        bytes[at] = row.sizeBytes();
        occurrences[at] = row.occurrences();
        newest = Math.max(newest, row.time());
        set(Column.PATH, at, RequestTarget.path(row.target()));
        set(Column.HOST, at, row.host());
        set(Column.STATUS, at, Integer.toString(row.status()));
        set(Column.COUNTRY, at, row.country());
        set(Column.CITY, at, row.city());
        set(Column.IP, at, row.ip());
        set(Column.USER, at, row.user());
        set(Column.EMAIL_DOMAIN, at, row.emailDomain());
        set(Column.METHOD, at, row.method());
        set(Column.VERSION, at, row.version());
        set(Column.REFERRER, at, RequestTarget.site(row.referrer()));
        setAgent(at, row.userAgent());
        if (row.reason() != null) {
            reasons.putIfAbsent(Integer.toString(row.status()), row.reason());
        }
        if (row.occurrences() > 0) {
            count(at, 1);
        }
    }

    /** Marks the row with this id as gone; false when there is none. */
    boolean remove(String id) {
        int at = index.find(Md5.high(id), Md5.low(id), highs, lows);
        if (at < 0 || occurrences[at] == 0) {
            return false;
        }
        count(at, -1);
        occurrences[at] = 0;
        live--;
        return true;
    }

    private void count(int row, int sign) {
        tally.count(codes, row, times[row], bytes[row], occurrences[row], sign);
    }

    /** After a batch of changes: the earliest or latest live time is found again if its last row left. */
    void settle() {
        if (tally.boundsLost()) {
            tally.rescanBounds(times, occurrences, size);
        }
    }

    private void set(Column column, int row, String value) {
        codes[column.ordinal()][row] = dictionaries[column.ordinal()].encode(value);
    }

    private void setAgent(int row, String userAgent) {
        Dictionary dictionary = dictionaries[Column.USER_AGENT.ordinal()];
        int known = dictionary.size();
        int code = dictionary.encode(userAgent);
        codes[Column.USER_AGENT.ordinal()][row] = code;
        if (code == known) {
            // Parsing a user agent takes milliseconds: the resolver does it later, once per distinct value.
            if (code >= browserOfAgent.length) {
                browserOfAgent = Arrays.copyOf(browserOfAgent, code * 2);
                systemOfAgent = Arrays.copyOf(systemOfAgent, code * 2);
            }
            browserOfAgent[code] = browsers.encode(UNRESOLVED);
            systemOfAgent[code] = systems.encode(UNRESOLVED);
        }
    }

    /** Up to {@code max} user agents still without browser and OS, from code {@link #firstUnresolved} on. */
    List<String> unresolved(int max) {
        Dictionary dictionary = dictionaries[Column.USER_AGENT.ordinal()];
        List<String> agents = new ArrayList<>();
        for (int code = resolvedAgents; code < dictionary.size() && agents.size() < max; code++) {
            agents.add(dictionary.value(code));
        }
        return agents;
    }

    int firstUnresolved() {
        return resolvedAgents;
    }

    int unresolvedCount() {
        return dictionaries[Column.USER_AGENT.ordinal()].size() - resolvedAgents;
    }

    /** The browser and OS of the user agents from code {@code from} on, in code order. */
    void resolved(int from, List<UserAgents.Agent> agents) {
        if (from != resolvedAgents) {
            return;
        }
        for (UserAgents.Agent agent : agents) {
            browserOfAgent[resolvedAgents] = browsers.encode(agent.browser());
            systemOfAgent[resolvedAgents] = systems.encode(agent.system());
            resolvedAgents++;
        }
    }

    private void grow(int needed) {
        if (needed <= times.length) {
            return;
        }
        int capacity = Math.max(needed, times.length + (times.length >> 1));
        highs = Arrays.copyOf(highs, capacity);
        lows = Arrays.copyOf(lows, capacity);
        times = Arrays.copyOf(times, capacity);
        bytes = Arrays.copyOf(bytes, capacity);
        occurrences = Arrays.copyOf(occurrences, capacity);
        for (int c = 0; c < codes.length; c++) {
            codes[c] = Arrays.copyOf(codes[c], capacity);
        }
    }

    /** A view of the current arrays, valid while the caller holds the model's read lock. */
    Frame frame(long version) {
        int[][] columns = codes.clone();
        return new Frame(version, size, live, unresolvedCount(), newest, highs, lows, times, bytes, occurrences, columns,
                dictionaries.clone(), browsers, systems, browserOfAgent, systemOfAgent, Map.copyOf(reasons), tally);
    }
}
