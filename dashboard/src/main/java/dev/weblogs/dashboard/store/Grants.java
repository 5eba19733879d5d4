package dev.weblogs.dashboard.store;

import dev.weblogs.config.DatabaseSettings;
import dev.weblogs.failure.ConfigurationException;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;

/** Checks at start that the user may read every table the dashboard reads, to say so in one line if not. */
public final class Grants {

    private static final List<String> TABLES = List.of("clean-log", "clean-log-changes", "clean-log-rejected",
            "raw-log");

    private Grants() {
    }

    /**
     * A table that does not exist yet is fine: the pipeline creates them when it starts.
     *
     * @throws ConfigurationException naming DB_USER when one may not be read
     */
    public static void check(ReadOnlyDatabase database, DatabaseSettings settings) throws SQLException {
        try (Connection connection = database.connection(); Statement statement = connection.createStatement()) {
            for (String table : TABLES) {
                try {
                    statement.executeQuery("SELECT 1 FROM `" + table + "` LIMIT 0").close();
                } catch (SQLException e) {
                    ConfigurationException forUser = DatabaseErrors.forUser(e, settings, database.address());
                    if (forUser != null) {
                        throw forUser;
                    }
                    if (!DatabaseErrors.isMissingTable(e)) {
                        throw e;
                    }
                }
            }
        }
    }
}
