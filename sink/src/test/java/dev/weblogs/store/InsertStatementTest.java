package dev.weblogs.store;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.io.InputStream;
import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.hibernate.annotations.SQLInsert;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The hand-written INSERT of each entity against what it must agree with: Hibernate binds the attributes
 * sorted by name with the id last, and the table (its .sql file) has exactly those columns.
 */
class InsertStatementTest {

    @ParameterizedTest
    @ValueSource(classes = {RawLog.class, CleanLog.class})
    void columnsAreInHibernatesBindingOrderAndAreTheTablesColumns(Class<?> entity) throws IOException {
        List<String> attributes = new ArrayList<>();
        for (Field field : entity.getDeclaredFields()) {
            if (!Modifier.isStatic(field.getModifiers()) && !field.getName().equals("id")) {
                attributes.add(field.getName());
            }
        }
        attributes.sort(null);
        List<String> expected = new ArrayList<>();
        for (String attribute : attributes) {
            expected.add(attribute.replaceAll("([a-z0-9])([A-Z])", "$1_$2").toLowerCase());
        }
        expected.add("id");

        String insert = entity.getAnnotation(SQLInsert.class).sql();
        List<String> inserted = backticked(insert.substring(insert.indexOf('('), insert.indexOf(')')));
        assertEquals(expected, inserted);
        assertEquals(inserted.size(), insert.chars().filter(c -> c == '?').count(), "one parameter per column");

        String table = entity.getAnnotation(jakarta.persistence.Table.class).name();
        try (InputStream in = entity.getResourceAsStream(table + ".sql")) {
            String ddl = new String(in.readAllBytes(), StandardCharsets.UTF_8);
            List<String> columns = new ArrayList<>();
            Matcher column = Pattern.compile("(?m)^\\s+`([a-z_]+)`\\s").matcher(ddl);
            while (column.find()) {
                columns.add(column.group(1));
            }
            assertEquals(new TreeSet<>(inserted), new TreeSet<>(columns), "the table has the inserted columns");
        }
    }

    private static List<String> backticked(String s) {
        List<String> names = new ArrayList<>();
        Matcher name = Pattern.compile("`([^`]+)`").matcher(s);
        while (name.find()) {
            names.add(name.group(1));
        }
        return names;
    }
}
