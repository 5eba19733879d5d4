package dev.weblogs.dashboard.query;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ViewParserTest {

    @Test
    void aPresetEndsNowAndComparesWithThePeriodBefore() {
        View view = ViewParser.parse(Map.of("range", List.of("1h"), "compare", List.of("1")), 10_007);
        assertEquals(new TimeWindow(10_000 - 3600, Long.MAX_VALUE), view.window(), "now in 10 s steps");
        assertEquals(new TimeWindow(10_000 - 7200, 10_000 - 3600), view.previous());
    }

    @Test
    void aCustomRangeIsInUtcAndAllHasNothingToCompareWith() {
        View custom = ViewParser.parse(Map.of("from", List.of("2023-03-01T05:00"), "to", List.of("2023-03-01T06:00:00Z"),
                "compare", List.of("1")), 0);
        assertEquals(new TimeWindow(1677646800L, 1677650400L), custom.window());
        assertEquals(new TimeWindow(1677643200L, 1677646800L), custom.previous());
        assertNull(ViewParser.parse(Map.of("compare", List.of("1")), 0).previous());
    }

    @Test
    void repeatedFieldsOrAndAMinusExcludes() {
        View view = ViewParser.parse(Map.of("country", List.of("Colombia", ""), "-status", List.of("404")), 0);
        assertEquals(java.util.Set.of(new Filter(Field.COUNTRY, List.of("Colombia", ""), false),
                new Filter(Field.STATUS, List.of("404"), true)), java.util.Set.copyOf(view.filters()));
    }

    @Test
    void mistakesNameTheParameter() {
        assertEquals("unknown filter 'contry'", assertThrows(IllegalArgumentException.class,
                () -> ViewParser.parse(Map.of("contry", List.of("x")), 0)).getMessage());
        assertEquals("range must be one of 15m, 1h, 24h, 7d, 30d, all, not '2h'", assertThrows(
                IllegalArgumentException.class, () -> ViewParser.parse(Map.of("range", List.of("2h")), 0)).getMessage());
        assertThrows(IllegalArgumentException.class, () -> ViewParser.parse(Map.of("from", List.of("yesterday")), 0));
    }
}
