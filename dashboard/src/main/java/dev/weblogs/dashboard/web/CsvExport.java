package dev.weblogs.dashboard.web;

import com.fasterxml.jackson.databind.SequenceWriter;
import com.fasterxml.jackson.dataformat.csv.CsvMapper;
import com.fasterxml.jackson.dataformat.csv.CsvSchema;
import dev.weblogs.dashboard.query.PanelResult;
import dev.weblogs.dashboard.query.PanelRow;
import java.io.IOException;
import java.io.StringWriter;
import java.util.ArrayList;
import java.util.List;

/** A panel as CSV: every value with requests in the view, with the previous period's figures when compared. */
final class CsvExport {

    private static final CsvMapper MAPPER = new CsvMapper();

    private CsvExport() {
    }

    static String of(PanelResult panel, boolean compared) throws IOException {
        CsvSchema.Builder schema = CsvSchema.builder().setUseHeader(true)
                .addColumn(panel.field()).addColumn("label").addColumn("hits").addColumn("distinct_ips")
                .addColumn("bytes");
        if (compared) {
            schema.addColumn("previous_hits").addColumn("previous_distinct_ips").addColumn("previous_bytes");
        }
        StringWriter out = new StringWriter();
        try (SequenceWriter writer = MAPPER.writer(schema.build()).writeValues(out)) {
            for (PanelRow row : panel.rows()) {
                List<Object> cells = new ArrayList<>(List.of(text(row.value()), text(row.label()), row.hits(),
                        row.ips(), row.bytes()));
                if (compared) {
                    PanelRow.Figures before = row.previous();
                    cells.addAll(List.of(before.hits(), before.ips(), before.bytes()));
                }
                writer.write(cells);
            }
        }
        return out.toString();
    }

    /**
     * Log values are written by whoever sent the request: one that a spreadsheet would run as a formula is
     * prefixed with an apostrophe (OWASP's advice on CSV injection). NULL is an empty cell.
     */
    private static String text(String value) {
        if (value == null) {
            return "";
        }
        return !value.isEmpty() && "=+-@\t\r".indexOf(value.charAt(0)) >= 0 ? "'" + value : value;
    }
}
