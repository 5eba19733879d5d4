package dev.weblogs.testing;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;

/** A database of the test server that belongs to one test. */
public final class TestDatabase implements AutoCloseable {

    private final String url;
    private final String user;
    private final String password;
    private final Runnable drop;

    TestDatabase(String url, String user, String password, Runnable drop) {
        this.url = url;
        this.user = user;
        this.password = password;
        this.drop = drop;
    }

    public String url() {
        return url;
    }

    public String user() {
        return user;
    }

    public String password() {
        return password;
    }

    public Connection connect() throws SQLException {
        return DriverManager.getConnection(url, user, password);
    }

    /** The number a query such as {@code SELECT COUNT(*) ...} returns; 0 when the table does not exist yet. */
    public long count(String sql) throws SQLException {
        try (Connection connection = connect(); Statement statement = connection.createStatement()) {
            try (ResultSet rows = statement.executeQuery(sql)) {
                rows.next();
                return rows.getLong(1);
            }
        } catch (SQLException e) {
            if (e.getErrorCode() == 1146) {
                return 0;
            }
            throw e;
        }
    }

    @Override
    public void close() {
        drop.run();
    }
}
