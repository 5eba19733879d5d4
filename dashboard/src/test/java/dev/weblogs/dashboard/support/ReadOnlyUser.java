package dev.weblogs.dashboard.support;

import dev.weblogs.testing.TestDatabase;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.UUID;

/** A database user that may only SELECT, in one test database: what the compose file gives the dashboard. */
public final class ReadOnlyUser implements AutoCloseable {

    private final TestDatabase owner;
    private final String name;
    private final String password;

    private ReadOnlyUser(TestDatabase owner, String name, String password) {
        this.owner = owner;
        this.name = name;
        this.password = password;
    }

    /** @param tables the tables it may read; all of the database's when none are named */
    public static ReadOnlyUser create(TestDatabase database, String... tables) throws SQLException {
        String name = "ro_" + UUID.randomUUID().toString().substring(0, 8);
        String password = "ro-" + UUID.randomUUID();
        String schema = database.url().substring(database.url().lastIndexOf('/') + 1).replaceFirst("\\?.*", "");
        try (Connection connection = database.connect(); Statement statement = connection.createStatement()) {
            statement.execute("CREATE USER '" + name + "'@'%' IDENTIFIED BY '" + password + "'");
            if (tables.length == 0) {
                statement.execute("GRANT SELECT ON `" + schema + "`.* TO '" + name + "'@'%'");
            }
            for (String table : tables) {
                statement.execute("GRANT SELECT ON `" + schema + "`.`" + table + "` TO '" + name + "'@'%'");
            }
        }
        return new ReadOnlyUser(database, name, password);
    }

    public String url() {
        return owner.url();
    }

    public String name() {
        return name;
    }

    public String password() {
        return password;
    }

    @Override
    public void close() throws SQLException {
        try (Connection connection = owner.connect(); Statement statement = connection.createStatement()) {
            statement.execute("DROP USER '" + name + "'@'%'");
        }
    }
}
