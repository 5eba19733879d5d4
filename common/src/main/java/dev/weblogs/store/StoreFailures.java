package dev.weblogs.store;

import com.mysql.cj.jdbc.exceptions.PacketTooBigException;
import java.sql.SQLException;
import java.util.Set;

/**
 * Tells a row the database will never accept (retrying it is pointless) from a database that is
 * unavailable for now (retrying is the only right thing). Unknown errors count as unavailability: holding
 * lines back is recoverable, dead-lettering a good line because of an outage is not.
 */
public final class StoreFailures {

    /** MySQL and MariaDB errors about one row's values, for which SQLSTATE is the generic HY000. */
    private static final Set<Integer> ROW_ERRORS = Set.of(
            1048, // column cannot be null
            1264, // out of range value
            1265, // data truncated
            1292, // incorrect datetime/date/time value
            1366, // incorrect string value (e.g. characters outside the column's charset)
            1367, // illegal value
            1406, // data too long for column
            1153  // the row is bigger than max_allowed_packet
    );

    private StoreFailures() {
    }

    /** Whether {@code failure} is about the rows themselves rather than the database being reachable. */
    public static boolean isRowRejected(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause()) {
            if (t instanceof PacketTooBigException) {
                return true;
            }
            if (t instanceof SQLException sql) {
                String state = sql.getSQLState();
                if (ROW_ERRORS.contains(sql.getErrorCode())
                        || (state != null && (state.startsWith("22") || state.startsWith("23")))) {
                    return true;
                }
            }
            if (t.getCause() == t) {
                break;
            }
        }
        return false;
    }
}
