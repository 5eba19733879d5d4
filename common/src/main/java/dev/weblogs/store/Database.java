package dev.weblogs.store;

import dev.weblogs.failure.Causes;
import dev.weblogs.cli.SettingException;
import dev.weblogs.cli.Startup;
import jakarta.persistence.Table;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.sql.SQLException;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.hibernate.SessionFactory;
import org.hibernate.cfg.AvailableSettings;
import org.hibernate.jpa.HibernatePersistenceConfiguration;

/**
 * The table of one consumer, through Hibernate: created if missing, rows stored idempotently in batches.
 *
 * <p>The table is created from {@code <table>.sql} beside the entity rather than by Hibernate's schema
 * tooling, which would order the columns by name and choose its own types; the SQL file states the
 * contract's columns, in its order, with the types SQL users expect.
 */
public final class Database implements RowStore, AutoCloseable {

    /** Driver settings the pipeline relies on; a value the user put in the URL wins. */
    private static final Map<String, String> DRIVER_DEFAULTS = new TreeMap<>(Map.of(
            "createDatabaseIfNotExist", "true",
            // One multi-row INSERT per batch instead of one round trip per row.
            "rewriteBatchedStatements", "true",
            // ROW_COUNT() then counts only new rows, not ones left as they were (duplicates).
            "useAffectedRows", "true",
            "characterEncoding", "UTF-8",
            "connectTimeout", "5000",
            "socketTimeout", "60000"));

    private final SessionFactory sessionFactory;

    private Database(SessionFactory sessionFactory) {
        this.sessionFactory = sessionFactory;
    }

    /**
     * Connects, retrying for up to {@code patience} while the database cannot be reached, and creates the
     * table of {@code entity} when it does not exist yet. Refused credentials fail at once.
     */
    public static Database connect(DatabaseSettings settings, Class<?> entity, Duration patience) {
        return Startup.retry("--db-url", "cannot reach the database at " + address(settings.url()), patience,
                () -> open(settings, entity), Database::isUnreachable);
    }

    private static Database open(DatabaseSettings settings, Class<?> entity) {
        try {
            return create(settings, entity);
        } catch (RuntimeException e) {
            SQLException sql = sqlCause(e);
            if (sql != null && (sql.getErrorCode() == 1045 || "28000".equals(sql.getSQLState()))) {
                throw new SettingException("--db-password", "the database at " + address(settings.url())
                        + " refused user '" + settings.user() + "': wrong user (DB_USER) or password", e);
            }
            if (sql != null && sql.getErrorCode() == 1044) {
                throw new SettingException("--db-user", "user '" + settings.user() + "' may not use the database at "
                        + address(settings.url()) + " (" + Causes.rootMessage(e) + ")", e);
            }
            if (sql != null && sql.getErrorCode() == 1049) {
                throw new SettingException("--db-url", Causes.rootMessage(e), e);
            }
            if (isUnreachable(e)) {
                throw e;
            }
            throw new IllegalStateException("cannot use the database at " + address(settings.url()) + ": "
                    + Causes.rootMessage(e), e);
        }
    }

    private static boolean isUnreachable(Throwable e) {
        SQLException sql = sqlCause(e);
        return sql != null && sql.getSQLState() != null && sql.getSQLState().startsWith("08");
    }

    private static SQLException sqlCause(Throwable e) {
        return Causes.innermost(e, SQLException.class);
    }

    /** host:port/database of a JDBC URL, without user info or parameters. */
    static String address(String url) {
        String rest = url.replaceFirst("^jdbc:[a-z]+://", "");
        rest = rest.substring(rest.lastIndexOf('@') + 1);
        int query = rest.indexOf('?');
        return query >= 0 ? rest.substring(0, query) : rest;
    }

    private static Database create(DatabaseSettings settings, Class<?> entity) {
        SessionFactory sessionFactory = new HibernatePersistenceConfiguration("weblogs")
                .managedClass(entity)
                .jdbcUrl(withDriverDefaults(settings.url()))
                .jdbcCredentials(settings.user(), settings.password())
                .jdbcPoolSize(settings.poolSize())
                .property(AvailableSettings.PHYSICAL_NAMING_STRATEGY,
                        QuotedSnakeCaseNaming.class.getName())
                .property(AvailableSettings.GLOBALLY_QUOTED_IDENTIFIERS, true)
                .property(AvailableSettings.DIALECT_RESOLVERS, MariaDbDialectResolver.class.getName())
                // LocalDateTime and LocalTime go to the driver as they are: DATETIME and TIME have no time
                // zone, so nothing is converted, and the driver skips its Timestamp formatting.
                .property(AvailableSettings.JAVA_TIME_USE_DIRECT_JDBC, true)
                .property("hibernate.hikari.poolName", "weblogs")
                // Fail at once when the database cannot be reached; the caller decides about retrying.
                .property("hibernate.hikari.initializationFailTimeout", "1")
                // During an outage a write fails within seconds and is retried, rather than hanging.
                .property("hibernate.hikari.connectionTimeout", "5000")
                .createEntityManagerFactory();
        try {
            String ddl = tableDefinition(entity);
            sessionFactory.inTransaction(session -> session.createNativeMutationQuery(ddl).executeUpdate());
            return new Database(sessionFactory);
        } catch (RuntimeException e) {
            sessionFactory.close();
            throw e;
        }
    }

    private static String tableDefinition(Class<?> entity) {
        String table = entity.getAnnotation(Table.class).name().replace("`", "");
        try (InputStream in = entity.getResourceAsStream(table + ".sql")) {
            if (in == null) {
                throw new IllegalStateException("no " + table + ".sql beside " + entity.getName());
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static String withDriverDefaults(String url) {
        StringBuilder result = new StringBuilder(url);
        String query = url.contains("?") ? url.substring(url.indexOf('?') + 1) : "";
        char separator = url.contains("?") ? '&' : '?';
        for (Map.Entry<String, String> option : DRIVER_DEFAULTS.entrySet()) {
            if (!("&" + query).contains("&" + option.getKey() + "=")) {
                result.append(separator).append(option.getKey()).append('=').append(option.getValue());
                separator = '&';
            }
        }
        return result.toString();
    }

    /**
     * Stores {@code rows} in one transaction with one JDBC batch, which the driver sends as one multi-row
     * INSERT. A row whose id is already in the table is left as it is (the entities insert with
     * {@code ON DUPLICATE KEY UPDATE}), so redelivered lines are harmless.
     *
     * @return how many rows were new (exact while the batch fits one statement of max_allowed_packet)
     */
    @Override
    public int store(List<?> rows) {
        return sessionFactory.fromStatelessTransaction(session -> {
            session.insertMultiple(rows);
            return session.createNativeQuery("SELECT ROW_COUNT()", Long.class).getSingleResult().intValue();
        });
    }


    @Override
    public void close() {
        sessionFactory.close();
    }
}
