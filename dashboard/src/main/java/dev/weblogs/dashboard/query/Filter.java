package dev.weblogs.dashboard.query;

import java.util.List;

/**
 * Rows whose {@code field} has one of {@code values} (or, when {@code exclude}, none of them). The empty
 * string stands for SQL's NULL: no country, no user, a relative URL's host.
 */
public record Filter(Field field, List<String> values, boolean exclude) {

    public Filter {
        values = List.copyOf(values);
    }
}
