package dev.weblogs.store;

import com.mysql.cj.jdbc.exceptions.PacketTooBigException;
import dev.weblogs.failure.Causes;
import dev.weblogs.failure.ConfigurationException;
import dev.weblogs.failure.Setting;
import dev.weblogs.sink.StoreException;
import java.sql.SQLException;
import java.sql.SQLNonTransientConnectionException;
import java.sql.SQLRecoverableException;
import java.sql.SQLTransientException;
import java.util.Set;

/**
 * What a failed write calls for, from the SQL error behind it (MySQL and MariaDB error codes). Connection
 * and transient errors are waited out; errors about one row's values isolate that row; schema and permission
 * errors (a missing table, an unknown column, a revoked grant) stop the consumer, since no amount of retrying
 * fixes them and the lines are safer in the queue; anything else is unexpected, written again a few times.
 */
final class SqlErrors {

    /** The database is unreachable or busy for now. */
    private static final Set<Integer> TRANSIENT = Set.of(
            1040, // too many connections
            1053, // server shutdown in progress
            1205, // lock wait timeout
            1213, // deadlock
            1927, // connection was killed (MariaDB)
            2002, 2003, 2006, 2013 // cannot connect, server has gone away, lost connection
    );

    /** One row's values, for which SQLSTATE is often the generic HY000. */
    private static final Set<Integer> ROW = Set.of(
            1048, // column cannot be null
            1264, // out of range value
            1265, // data truncated
            1292, // incorrect datetime/date/time value
            1366, // incorrect string value (e.g. characters outside the column's charset)
            1367, // illegal value
            1406, // data too long for column
            1153, // the row is bigger than max_allowed_packet
            1644  // SIGNAL from a trigger that refuses the row
    );

    private SqlErrors() {
    }

    /** The tables are not what the consumer writes: someone must act. */
    private static final Set<Integer> SCHEMA = Set.of(
            1049, // unknown database
            1054, // unknown column
            1146, // table does not exist
            1364  // a column without default that the pipeline does not write
    );

    /** Permission errors: the user the consumer logs in as may not do what it must. */
    private static final Set<Integer> DENIED = Set.of(1044, 1142, 1143, 1227);

    static StoreException classify(RuntimeException failure) {
        String description = describe(failure);
        SQLException sql = Causes.innermost(failure, SQLException.class);
        if (sql != null && DENIED.contains(sql.getErrorCode())) {
            return new StoreException(StoreException.Kind.FATAL, description, new ConfigurationException(
                    Setting.DB_USER, "the database refuses what the consumer must do: " + description, failure));
        }
        return new StoreException(kind(failure), description, failure);
    }

    static StoreException.Kind kind(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof PacketTooBigException) {
                return StoreException.Kind.ROW_REFUSED;
            }
            if (t instanceof SQLException sql) {
                StoreException.Kind kind = kind(sql);
                if (kind != null) {
                    return kind;
                }
            }
        }
        return StoreException.Kind.UNEXPECTED;
    }

    private static StoreException.Kind kind(SQLException sql) {
        if (SCHEMA.contains(sql.getErrorCode())) {
            return StoreException.Kind.FATAL;
        }
        String state = sql.getSQLState() == null ? "" : sql.getSQLState();
        if (state.startsWith("08") || TRANSIENT.contains(sql.getErrorCode()) || sql instanceof SQLTransientException
                || sql instanceof SQLRecoverableException || sql instanceof SQLNonTransientConnectionException) {
            return StoreException.Kind.UNAVAILABLE;
        }
        if (ROW.contains(sql.getErrorCode()) || state.startsWith("22") || state.startsWith("23")
                || state.equals("45000")) {
            return StoreException.Kind.ROW_REFUSED;
        }
        return null;
    }

    /** The database's own message, with its error code when it has one. */
    static String describe(Throwable failure) {
        SQLException sql = Causes.innermost(failure, SQLException.class);
        String message = Causes.rootMessage(failure);
        return sql != null && sql.getErrorCode() != 0 ? message + " (error " + sql.getErrorCode() + ")" : message;
    }
}
