package dev.weblogs.cli;

import dev.weblogs.failure.Secrets;
import dev.weblogs.config.DatabaseSettings;
import picocli.CommandLine.Option;

/** Where the database is: shared by both consumers. */
public final class DatabaseOptions {

    @Option(names = "--db-url", paramLabel = "<jdbc-url>", defaultValue = "jdbc:mysql://localhost:3306/weblogs",
            description = "JDBC URL of MySQL 8 or MariaDB; the database is created if missing.")
    private String url;

    @Option(names = "--db-user", paramLabel = "<user>", defaultValue = "root", description = "Database user.")
    private String user;

    @Option(names = "--db-password", paramLabel = "<password>", defaultValue = "",
            description = "Database password.")
    private String password;

    @Option(names = "--db-password-file", paramLabel = "<file>",
            description = "The database password is the first line of this file (a Docker secret).")
    private java.nio.file.Path passwordFile;

    @Option(names = "--db-pool-size", paramLabel = "<n>", defaultValue = "2",
            description = "Database connections kept open.")
    private int poolSize;

    public DatabaseSettings settings() {
        if (!url.startsWith("jdbc:mysql:") && !url.startsWith("jdbc:mariadb:")) {
            throw new SettingException("--db-url", "'" + Secrets.mask(url)
                    + "' is not a jdbc:mysql://host:port/database URL");
        }
        if (poolSize < 1) {
            throw new SettingException("--db-pool-size", "must be at least 1, not " + poolSize);
        }
        if (passwordFile != null && !password.isEmpty()) {
            throw new SettingException("--db-password-file", "and DB_PASSWORD (--db-password) are both set: keep one");
        }
        String secret = passwordFile == null ? password : SecretFile.read(passwordFile, "--db-password-file");
        return new DatabaseSettings(url, user, secret, poolSize);
    }
}
