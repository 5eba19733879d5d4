package dev.weblogs.store;

import dev.weblogs.failure.Causes;
import dev.weblogs.failure.ConfigurationException;
import dev.weblogs.config.DatabaseSettings;
import dev.weblogs.failure.Retry;
import dev.weblogs.failure.Setting;
import dev.weblogs.lifecycle.Stop;
import java.sql.SQLException;
import java.time.Duration;
import java.util.List;
import org.hibernate.SessionFactory;
import org.hibernate.cfg.AvailableSettings;
import org.hibernate.jpa.HibernatePersistenceConfiguration;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The tables of one consumer, through Hibernate: created if missing, then written by {@link TableStore}.
 *
 * <p>Tables are created from {@code <table>.sql} beside this class ({@link TableSchema}) rather than by
 * Hibernate's schema tooling, which would order the columns by name and choose its own types; the SQL file
 * states the contract's columns, in its order, with the types SQL users expect.
 */
public final class Database implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(Database.class);

    /** The isolation of the transactions: the server's own (REPEATABLE READ), or READ COMMITTED. */
    public enum Isolation {
        SERVER_DEFAULT,
        /**
         * No gap locks for the rows a statement finds: for writers on adjacent ranges of ids at once, which under
         * REPEATABLE READ deadlock on each other's gaps (a rebuild's pages, appended at the end of the index).
         */
        READ_COMMITTED
    }

    private final SessionFactory sessionFactory;

    private Database(SessionFactory sessionFactory) {
        this.sessionFactory = sessionFactory;
    }

    /**
     * Connects, retrying for up to {@code patience} while the database cannot be reached, and creates the
     * {@code tables} that do not exist yet (or adds what a table of an earlier version lacks). Refused
     * credentials fail at once.
     *
     * @param entities the entities written through Hibernate
     * @param tables   the tables to create or bring up to date, each defined by its {@code <table>.sql}
     * @throws ConfigurationException for what the user can fix
     */
    public static Database connect(DatabaseSettings settings, List<Class<?>> entities, List<String> tables,
                                   Duration patience, Stop stop) {
        return connect(settings, entities, tables, patience, stop, Isolation.SERVER_DEFAULT);
    }

    /** As {@link #connect(DatabaseSettings, List, List, Duration, Stop)}, its transactions of that isolation. */
    public static Database connect(DatabaseSettings settings, List<Class<?>> entities, List<String> tables,
                                   Duration patience, Stop stop, Isolation isolation) {
        String address = DriverUrl.address(settings.url());
        try {
            return Retry.call(() -> open(settings, entities, tables, isolation), Database::isUnreachable, patience, stop,
                    "waiting for the database at " + address, e -> log.info("cannot reach the database at {} ({}); "
                            + "retrying for up to {} s", address, Causes.rootMessage(e), patience.toSeconds()));
        } catch (RuntimeException e) {
            if (isUnreachable(e)) {
                throw new ConfigurationException(Setting.DB_URL, "cannot reach the database at " + address + " ("
                        + Causes.rootMessage(e) + ")" + (patience.isZero() ? "" : " after trying for "
                        + patience.toSeconds() + " s"), e);
            }
            throw refusal(e, settings, address);
        } catch (Exception e) {
            throw new IllegalStateException(e.getMessage(), e);
        }
    }

    /** What the user must fix, when the database refused the connection or the tables. */
    private static RuntimeException refusal(RuntimeException e, DatabaseSettings settings, String address) {
        SQLException sql = Causes.innermost(e, SQLException.class);
        int code = sql == null ? 0 : sql.getErrorCode();
        if (code == 1045 || sql != null && "28000".equals(sql.getSQLState())) {
            return new ConfigurationException(Setting.DB_PASSWORD, "the database at " + address + " refused user '"
                    + settings.user() + "': wrong user (DB_USER) or password", e);
        }
        if (code == 1044 || code == 1142) {
            return new ConfigurationException(Setting.DB_USER, "user '" + settings.user() + "' may not use the "
                    + "database at " + address + " (" + Causes.rootMessage(e) + ")", e);
        }
        if (code == 1049) {
            return new ConfigurationException(Setting.DB_URL, Causes.rootMessage(e), e);
        }
        if (e instanceof ConfigurationException || e instanceof Stop.Stopped) {
            return e;
        }
        return new IllegalStateException("cannot use the database at " + address + ": " + Causes.rootMessage(e), e);
    }

    private static boolean isUnreachable(Throwable e) {
        SQLException sql = Causes.innermost(e, SQLException.class);
        return sql != null && sql.getSQLState() != null && sql.getSQLState().startsWith("08");
    }

    private static Database open(DatabaseSettings settings, List<Class<?>> entities, List<String> tables,
                                 Isolation isolation) {
        HibernatePersistenceConfiguration configuration = new HibernatePersistenceConfiguration("weblogs")
                .jdbcUrl(DriverUrl.withPipelineSettings(settings.url()))
                .jdbcCredentials(settings.user(), settings.password())
                .jdbcPoolSize(settings.poolSize())
                .property(AvailableSettings.PHYSICAL_NAMING_STRATEGY, QuotedSnakeCaseNaming.class.getName())
                .property(AvailableSettings.GLOBALLY_QUOTED_IDENTIFIERS, true)
                .property(AvailableSettings.DIALECT_RESOLVERS, MariaDbDialectResolver.class.getName())
                // LocalDateTime and LocalTime go to the driver as they are: DATETIME and TIME have no time
                // zone, so nothing is converted, and the driver skips its Timestamp formatting.
                .property(AvailableSettings.JAVA_TIME_USE_DIRECT_JDBC, true)
                .property("hibernate.hikari.poolName", "weblogs")
                // Fail at once when the database cannot be reached; the caller decides about retrying.
                .property("hibernate.hikari.initializationFailTimeout", "1")
                // During an outage a write fails within seconds and is retried, rather than hanging.
                .property("hibernate.hikari.connectionTimeout", "5000");
        if (isolation == Isolation.READ_COMMITTED) {
            configuration.property("hibernate.hikari.transactionIsolation", "TRANSACTION_READ_COMMITTED");
        }
        entities.forEach(configuration::managedClass);
        SessionFactory sessionFactory = configuration.createEntityManagerFactory();
        try {
            for (String table : tables) {
                TableSchema schema = TableSchema.of(table);
                sessionFactory.inSession(session -> session.doWork(schema::apply));
            }
            return new Database(sessionFactory);
        } catch (RuntimeException e) {
            sessionFactory.close();
            throw e;
        }
    }

    SessionFactory sessionFactory() {
        return sessionFactory;
    }

    @Override
    public void close() {
        sessionFactory.close();
    }
}
