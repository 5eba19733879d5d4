package dev.weblogs.config;

/**
 * How to reach the database.
 *
 * @param url      JDBC URL of MySQL 8 or MariaDB ({@code jdbc:mysql://host:3306/db})
 * @param user     database user
 * @param password database password; never logged
 * @param poolSize connections kept open
 */
public record DatabaseSettings(String url, String user, String password, int poolSize) {

    /** The same, with a pool of at least {@code connections}: for work that needs that many at once. */
    public DatabaseSettings withPoolOfAtLeast(int connections) {
        return new DatabaseSettings(url, user, password, Math.max(poolSize, connections));
    }

    @Override
    public String toString() {
        return "DatabaseSettings[url=" + url + ", user=" + user + ", poolSize=" + poolSize + "]";
    }
}
