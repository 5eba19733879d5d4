package dev.weblogs.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;

import dev.weblogs.failure.ConfigurationException;
import dev.weblogs.failure.Setting;
import dev.weblogs.sink.StoreException;
import dev.weblogs.sink.StoreException.Kind;
import java.sql.BatchUpdateException;
import java.sql.SQLException;
import java.sql.SQLTransactionRollbackException;
import java.sql.SQLTransientConnectionException;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

class SqlErrorsTest {

    @ParameterizedTest(name = "{0} {1}: {2}")
    @CsvSource({
        "08S01, 0,    UNAVAILABLE",  // communications link failure
        "HY000, 1040, UNAVAILABLE",  // too many connections
        "HY000, 1205, UNAVAILABLE",  // lock wait timeout
        "40001, 1213, UNAVAILABLE",  // deadlock
        "HY000, 2006, UNAVAILABLE",  // server has gone away
        "HY000, 2013, UNAVAILABLE",  // lost connection during query
        "22001, 1406, ROW_REFUSED",  // data too long
        "HY000, 1366, ROW_REFUSED",  // incorrect string value
        "45000, 1644, ROW_REFUSED",  // a trigger's SIGNAL
        "22000, 1644, ROW_REFUSED",  // a trigger's SIGNAL with another state
        "23000, 1048, ROW_REFUSED",  // column cannot be null
        "42S02, 1146, FATAL",        // table does not exist
        "42S22, 1054, FATAL",        // unknown column
        "S1009, 0,    UNEXPECTED"    // the driver on a statement of a connection broken mid-batch
    })
    void eachErrorCallsForWhatFixesIt(String state, int code, Kind kind) {
        RuntimeException failure = new RuntimeException("wrapped by Hibernate", new BatchUpdateException(
                new SQLException("the database's message", state, code)));
        assertEquals(kind, SqlErrors.classify(failure).kind());
    }

    @Test
    void transientDriverExceptionsAreUnavailability() {
        assertEquals(Kind.UNAVAILABLE, SqlErrors.classify(new RuntimeException(
                new SQLTransientConnectionException("weblogs - Connection is not available"))).kind());
        assertEquals(Kind.UNAVAILABLE, SqlErrors.classify(new RuntimeException(
                new SQLTransactionRollbackException("Deadlock found"))).kind());
    }

    @Test
    void aDeniedCommandIsFatalAndAProblemOfTheDatabaseUser() {
        StoreException e = SqlErrors.classify(new RuntimeException(new SQLException(
                "INSERT command denied to user 'weblogs'@'localhost' for table 'raw-log'", "42000", 1142)));
        assertEquals(Kind.FATAL, e.kind());
        assertEquals(Setting.DB_USER, assertInstanceOf(ConfigurationException.class, e.getCause()).setting());
        assertEquals("INSERT command denied to user 'weblogs'@'localhost' for table 'raw-log' (error 1142)",
                e.getMessage());
    }

    @Test
    void anErrorWithoutSqlExceptionIsUnexpected() {
        assertEquals(Kind.UNEXPECTED, SqlErrors.classify(new IllegalStateException("a bug")).kind());
    }
}
