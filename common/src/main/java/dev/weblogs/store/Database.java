package dev.weblogs.store;

import jakarta.persistence.Table;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
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
public final class Database implements AutoCloseable {

    /** Driver settings the pipeline relies on; a value the user put in the URL wins. */
    private static final Map<String, String> DRIVER_DEFAULTS = new TreeMap<>(Map.of(
            "createDatabaseIfNotExist", "true",
            // One multi-row INSERT per batch instead of one round trip per row.
            "rewriteBatchedStatements", "true",
            "characterEncoding", "UTF-8",
            "connectTimeout", "5000",
            "socketTimeout", "60000"));

    private final SessionFactory sessionFactory;

    private Database(SessionFactory sessionFactory) {
        this.sessionFactory = sessionFactory;
    }

    /** Connects, and creates the table of {@code entity} when it does not exist yet. */
    public static Database open(DatabaseSettings settings, Class<?> entity) {
        SessionFactory sessionFactory = new HibernatePersistenceConfiguration("weblogs")
                .managedClass(entity)
                .jdbcUrl(withDriverDefaults(settings.url()))
                .jdbcCredentials(settings.user(), settings.password())
                .jdbcPoolSize(settings.poolSize())
                .property(AvailableSettings.PHYSICAL_NAMING_STRATEGY,
                        QuotedSnakeCaseNaming.class.getName())
                .property(AvailableSettings.GLOBALLY_QUOTED_IDENTIFIERS, true)
                .property(AvailableSettings.DIALECT_RESOLVERS, MariaDbDialectResolver.class.getName())
                .property("hibernate.hikari.poolName", "weblogs")
                // Fail at once when the database cannot be reached; the caller decides about retrying.
                .property("hibernate.hikari.initializationFailTimeout", "1")
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
     * Stores {@code rows} in one transaction with one JDBC batch. A row whose id is already in the table
     * is left as it is ({@code INSERT ... ON DUPLICATE KEY UPDATE}), so redelivered lines are harmless.
     */
    public void upsertAll(List<?> rows) {
        sessionFactory.inStatelessTransaction(session -> session.upsertMultiple(rows));
    }

    @Override
    public void close() {
        sessionFactory.close();
    }
}
