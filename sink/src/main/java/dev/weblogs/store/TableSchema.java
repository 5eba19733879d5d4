package dev.weblogs.store;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A table of the pipeline as its {@code <table>.sql} file defines it: created when missing, and brought up to
 * date when it exists from an earlier version, by adding the columns and keys the file has and the table lacks
 * (in one ALTER TABLE, so the table is rebuilt once). A column the file has the database compute ({@code AS
 * (...)}) and an earlier table stored is dropped first and added computed: its values were derived from the
 * row's other columns in the same way. Nothing else is ever dropped or changed.
 */
final class TableSchema {

    private static final Logger log = LoggerFactory.getLogger(TableSchema.class);
    private static final Pattern COLUMN = Pattern.compile("^\\s+`([a-z_]+)`\\s+(.+?),?$");
    private static final Pattern COMPUTED = Pattern.compile("\\bAS \\(");
    private static final Pattern KEY = Pattern.compile("^\\s+((?:UNIQUE )?KEY `([a-z_]+)` \\(.+\\)),?$");

    private final String table;
    private final String ddl;
    /** Column name to its definition, in the file's order. */
    private final Map<String, String> columns = new LinkedHashMap<>();
    /** Key name to its definition. */
    private final Map<String, String> keys = new LinkedHashMap<>();

    private TableSchema(String table, String ddl) {
        this.table = table;
        this.ddl = ddl;
        for (String line : ddl.split("\n")) {
            Matcher key = KEY.matcher(line);
            Matcher column = COLUMN.matcher(line);
            if (key.matches()) {
                keys.put(key.group(2), key.group(1));
            } else if (column.matches()) {
                columns.put(column.group(1), column.group(2));
            }
        }
    }

    /** The schema in {@code <table>.sql} beside this class. */
    static TableSchema of(String table) {
        try (InputStream in = TableSchema.class.getResourceAsStream(table + ".sql")) {
            if (in == null) {
                throw new IllegalStateException("no " + table + ".sql beside " + TableSchema.class.getName());
            }
            return new TableSchema(table, new String(in.readAllBytes(), StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Creates the table, or adds what an existing one lacks. */
    void apply(Connection connection) throws SQLException {
        try (Statement statement = connection.createStatement()) {
            statement.execute(ddl);
            List<String> additions = new ArrayList<>();
            Set<String> added = new TreeSet<>();
            Set<String> existing = names(connection, "columns", "column_name", "");
            if (existing.isEmpty()) {
                // A table the user may not see: what it may not do is said by the first write that needs it.
                return;
            }
            Set<String> stored = names(connection, "columns", "column_name", " AND extra NOT LIKE '%GENERATED%'");
            List<String> nowComputed = columns.entrySet().stream().filter(c -> stored.contains(c.getKey())
                    && COMPUTED.matcher(c.getValue()).find()).map(Map.Entry::getKey).toList();
            if (!nowComputed.isEmpty()) {
                log.info("{} is of an earlier version: {} become columns the database computes (a large table takes "
                        + "a while)", table, String.join(", ", nowComputed));
                statement.execute("ALTER TABLE `" + table + "` " + String.join(", ", nowComputed.stream()
                        .map(column -> "DROP COLUMN `" + column + "`").toList()));
                existing.removeAll(nowComputed);
            }
            String previous = null;
            for (Map.Entry<String, String> column : columns.entrySet()) {
                if (!existing.contains(column.getKey())) {
                    additions.add("ADD COLUMN `" + column.getKey() + "` " + column.getValue()
                            + (previous == null ? " FIRST" : " AFTER `" + previous + "`"));
                    added.add(column.getKey());
                }
                previous = column.getKey();
            }
            Set<String> existingKeys = names(connection, "statistics", "index_name", "");
            keys.forEach((name, definition) -> {
                if (!existingKeys.contains(name)) {
                    additions.add("ADD " + definition);
                    added.add("key " + name);
                }
            });
            if (!additions.isEmpty()) {
                log.info("{} is of an earlier version: adding {} (existing rows get the defaults; a large table "
                        + "takes a while)", table, String.join(", ", added));
                statement.execute("ALTER TABLE `" + table + "` " + String.join(", ", additions));
            }
        }
    }

    private Set<String> names(Connection connection, String view, String column, String condition)
            throws SQLException {
        Set<String> names = new TreeSet<>();
        try (PreparedStatement query = connection.prepareStatement("SELECT " + column + " FROM information_schema."
                + view + " WHERE table_schema = DATABASE() AND table_name = ?" + condition)) {
            query.setString(1, table);
            try (ResultSet rows = query.executeQuery()) {
                while (rows.next()) {
                    names.add(rows.getString(1));
                }
            }
        }
        return names;
    }
}
