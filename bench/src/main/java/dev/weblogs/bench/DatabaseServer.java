package dev.weblogs.bench;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;

/**
 * The MySQL or MariaDB server the bench runs against. The bench works in databases of its own there, so
 * a database named in {@code --db-url} is ignored; its parameters ({@code ?useSSL=false}) are kept.
 */
final class DatabaseServer {

    /** {@code jdbc:mysql://host:port/}. */
    private final String server;
    /** {@code ?…} of the given URL, or empty. */
    private final String parameters;
    private final String user;
    private final String password;

    DatabaseServer(String url, String user, String password) {
        int query = url.indexOf('?');
        String withoutQuery = query < 0 ? url : url.substring(0, query);
        int slash = withoutQuery.indexOf('/', withoutQuery.indexOf("//") + 2);
        this.server = slash < 0 ? withoutQuery + "/" : withoutQuery.substring(0, slash + 1);
        this.parameters = query < 0 ? "" : url.substring(query);
        this.user = user;
        this.password = password;
    }

    String version() {
        try (Connection connection = connect(server + parameters);
             Statement statement = connection.createStatement();
             ResultSet result = statement.executeQuery("SELECT VERSION()")) {
            result.next();
            return result.getString(1);
        } catch (SQLException e) {
            throw unusable(e);
        }
    }

    ScratchDatabase create(String name, Cleanup cleanup) {
        execute("CREATE DATABASE `" + name + "` CHARACTER SET utf8mb4");
        return cleanup.register(new ScratchDatabase(this, name, server + name + parameters, cleanup));
    }

    void drop(String name) {
        execute("DROP DATABASE IF EXISTS `" + name + "`");
    }

    Connection connect(String url) throws SQLException {
        return DriverManager.getConnection(url, user, password);
    }

    String user() {
        return user;
    }

    String password() {
        return password;
    }

    private void execute(String sql) {
        try (Connection connection = connect(server + parameters); Statement statement = connection.createStatement()) {
            statement.execute(sql);
        } catch (SQLException e) {
            throw unusable(e);
        }
    }

    private IllegalStateException unusable(SQLException e) {
        return new IllegalStateException("the database server at " + server + " (--db-url) cannot be used: "
                + e.getMessage(), e);
    }
}
