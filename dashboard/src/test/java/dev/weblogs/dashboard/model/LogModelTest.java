package dev.weblogs.dashboard.model;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class LogModelTest {

    private static LogRow row(long n, int occurrences, String country) {
        return new LogRow(n, String.format("%032x", n), 1_700_000_000L + n, "10.0.0." + n % 250, country, null, null,
                null, "GET", "/p/" + n % 7 + "?q", null, "HTTP/1.1", 200, "OK", 10, null, null, occurrences);
    }

    @Test
    void aRowIsFoundByIdToBeReplacedOrRemovedEvenWhenIdsAreNoMd5s() {
        LogModel model = new LogModel();
        List<LogRow> rows = new ArrayList<>();
        for (long n = 1; n <= 200_000; n++) {
            rows.add(row(n, 1, "Peru"));
        }
        model.apply(rows, List.of());
        model.apply(List.of(row(77, 3, "Chile")), List.of(String.format("%032x", 78)));
        model.read(frame -> {
            assertEquals(200_000, frame.size(), "a replaced row keeps its place");
            assertEquals(199_999, frame.live());
            assertEquals(3, frame.occurrences()[76]);
            assertEquals("Chile", frame.dictionary(Column.COUNTRY).value(frame.codes(Column.COUNTRY)[76]));
            assertEquals(0, frame.occurrences()[77], "removed");
            assertEquals("/p/0", frame.dictionary(Column.PATH).value(frame.codes(Column.PATH)[6]));
            return null;
        });
        model.apply(List.of(row(78, 2, "Peru")), List.of());
        assertEquals(200_000, model.read(Frame::live), "a row back from clean-log-rejected takes its place again");
    }
}
