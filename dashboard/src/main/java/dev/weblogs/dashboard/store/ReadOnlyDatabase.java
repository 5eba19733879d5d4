package dev.weblogs.dashboard.store;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import dev.weblogs.config.DatabaseSettings;
import dev.weblogs.failure.Causes;
import dev.weblogs.failure.ConfigurationException;
import dev.weblogs.failure.Retry;
import dev.weblogs.failure.Setting;
import dev.weblogs.lifecycle.Stop;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The pipeline's database, as the dashboard uses it: read only, through a small pool. It creates nothing, so a
 * user granted only SELECT is enough.
 */
public final class ReadOnlyDatabase implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(ReadOnlyDatabase.class);

    private final HikariDataSource pool;
    private final String address;

    private ReadOnlyDatabase(HikariDataSource pool, String address) {
        this.pool = pool;
        this.address = address;
    }

    /**
     * Connects, retrying for up to {@code patience} while the server cannot be reached.
     *
     * @throws ConfigurationException for what the user can fix
     */
    public static ReadOnlyDatabase connect(DatabaseSettings settings, Duration patience, Stop stop) {
        String address = address(settings.url());
        try {
            return Retry.call(() -> open(settings, address), DatabaseErrors::isUnreachable, patience, stop,
                    "waiting for the database at " + address, e -> log.info("cannot reach the database at {} ({}); "
                            + "retrying for up to {} s", address, Causes.rootMessage(e), patience.toSeconds()));
        } catch (Stop.Stopped e) {
            throw e;
        } catch (Exception e) {
            if (DatabaseErrors.isUnreachable(e)) {
                throw new ConfigurationException(Setting.DB_URL, "cannot reach the database at " + address + " ("
                        + Causes.rootMessage(e) + ")" + (patience.isZero() ? "" : " after trying for "
                        + patience.toSeconds() + " s"), e);
            }
            ConfigurationException forUser = DatabaseErrors.forUser(e, settings, address);
            throw forUser != null ? forUser
                    : new IllegalStateException("cannot use the database at " + address + ": " + Causes.rootMessage(e), e);
        }
    }

    private static ReadOnlyDatabase open(DatabaseSettings settings, String address) {
        HikariConfig config = new HikariConfig();
        config.setPoolName("dashboard");
        config.setJdbcUrl(withDefaults(settings.url()));
        config.setUsername(settings.user());
        config.setPassword(settings.password());
        config.setMaximumPoolSize(settings.poolSize());
        config.setMinimumIdle(1);
        config.setReadOnly(true);
        // Fail at once when the server cannot be reached; the caller decides about retrying.
        config.setInitializationFailTimeout(1);
        config.setConnectionTimeout(5000);
        return new ReadOnlyDatabase(new HikariDataSource(config), address);
    }

    /** The user's URL, with timeouts so that an outage fails a query within seconds rather than hanging it. */
    static String withDefaults(String url) {
        StringBuilder result = new StringBuilder(url);
        char separator = url.contains("?") ? '&' : '?';
        for (String[] parameter : new String[][] {{"connectTimeout", "5000"}, {"socketTimeout", "120000"},
                {"characterEncoding", "UTF-8"}}) {
            if (!url.contains(parameter[0] + "=")) {
                result.append(separator).append(parameter[0]).append('=').append(parameter[1]);
                separator = '&';
            }
        }
        return result.toString();
    }

    /** host:port/database of a JDBC URL, without user info or parameters: safe to print. */
    static String address(String url) {
        String rest = url.replaceFirst("^jdbc:[a-z]+://", "");
        rest = rest.substring(rest.lastIndexOf('@') + 1);
        int query = rest.indexOf('?');
        return query >= 0 ? rest.substring(0, query) : rest;
    }

    public Connection connection() throws SQLException {
        return pool.getConnection();
    }

    public String address() {
        return address;
    }

    @Override
    public void close() {
        pool.close();
    }
}
