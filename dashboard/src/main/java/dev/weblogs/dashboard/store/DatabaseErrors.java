package dev.weblogs.dashboard.store;

import dev.weblogs.config.DatabaseSettings;
import dev.weblogs.failure.Causes;
import dev.weblogs.failure.ConfigurationException;
import dev.weblogs.failure.Setting;
import java.sql.SQLException;

/** What a database error means for the user (MySQL and MariaDB error codes). */
final class DatabaseErrors {

    static final int NO_SUCH_TABLE = 1146;

    private DatabaseErrors() {
    }

    /** The server cannot be reached for now: worth waiting for. */
    static boolean isUnreachable(Throwable e) {
        SQLException sql = Causes.innermost(e, SQLException.class);
        return sql != null && sql.getSQLState() != null && sql.getSQLState().startsWith("08");
    }

    static boolean isMissingTable(Throwable e) {
        SQLException sql = Causes.innermost(e, SQLException.class);
        return sql != null && sql.getErrorCode() == NO_SUCH_TABLE;
    }

    /** The setting to fix for an error the user caused, or {@code null} when it is none of those. */
    static ConfigurationException forUser(Throwable e, DatabaseSettings settings, String address) {
        SQLException sql = Causes.innermost(e, SQLException.class);
        int code = sql == null ? 0 : sql.getErrorCode();
        if (code == 1045 || sql != null && "28000".equals(sql.getSQLState())) {
            return new ConfigurationException(Setting.DB_PASSWORD, "the database at " + address + " refused user '"
                    + settings.user() + "': wrong user (DB_USER) or password", e);
        }
        if (code == 1044 || code == 1142 || code == 1143) {
            return new ConfigurationException(Setting.DB_USER, "user '" + settings.user() + "' may not read the "
                    + "database at " + address + " (" + Causes.rootMessage(e) + "); the dashboard needs SELECT on "
                    + "clean-log, clean-log-changes, clean-log-rejected and raw-log", e);
        }
        if (code == 1049) {
            return new ConfigurationException(Setting.DB_URL, Causes.rootMessage(e) + " at " + address
                    + ": name the pipeline's database", e);
        }
        return null;
    }

    /** One line for the log: the database's message and its error code. */
    static String describe(Throwable e) {
        SQLException sql = Causes.innermost(e, SQLException.class);
        String message = Causes.rootMessage(e);
        return sql != null && sql.getErrorCode() != 0 ? message + " (error " + sql.getErrorCode() + ")" : message;
    }
}
