package dev.weblogs.store;

import org.hibernate.dialect.DatabaseVersion;
import org.hibernate.dialect.Dialect;
import org.hibernate.dialect.MariaDBDialect;
import org.hibernate.engine.jdbc.dialect.spi.DialectResolutionInfo;
import org.hibernate.engine.jdbc.dialect.spi.DialectResolver;

/**
 * Recognises MariaDB behind MySQL Connector/J. The driver reports it as MySQL 5.5.5 (MariaDB's
 * compatibility prefix, as in {@code 5.5.5-10.11.19-MariaDB}), which Hibernate would take for an
 * unsupported MySQL; the MariaDB dialect with the real version is the right one.
 */
public final class MariaDbDialectResolver implements DialectResolver {

    @Override
    public Dialect resolveDialect(DialectResolutionInfo info) {
        String version = info.getDatabaseVersion();
        if (version == null || !version.contains("MariaDB")) {
            return null;
        }
        String real = version.startsWith("5.5.5-") ? version.substring(6) : version;
        String[] parts = real.split("[.-]");
        try {
            return new MariaDBDialect(DatabaseVersion.make(
                    Integer.parseInt(parts[0]), Integer.parseInt(parts[1]), Integer.parseInt(parts[2])));
        } catch (RuntimeException e) {
            return new MariaDBDialect();
        }
    }
}
