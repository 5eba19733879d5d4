package dev.weblogs.bench;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** The results: one row per figure, printed as a table and optionally written as Markdown. */
final class Report {

    /** Whether a figure meets its target; {@link #NONE} when it has none. */
    enum Met {
        YES("yes"), NO("no"), NONE("—");

        private final String text;

        Met(String text) {
            this.text = text;
        }

        static Met of(boolean met) {
            return met ? YES : NO;
        }
    }

    record Row(String item, String figure, String target, Met met) {
    }

    /** Written by a person from profiles, so kept when the bench rewrites the file. */
    static final String MAINTAINER_SECTION = "## Where the time goes";

    private static final String[] HEADINGS = {"item", "figure", "target", "met?"};

    private final List<Row> rows = new ArrayList<>();

    void add(String item, String figure, String target, Met met) {
        rows.add(new Row(item, figure, target, met));
    }

    /** The table, columns aligned, for a terminal. */
    String table() {
        int[] widths = new int[HEADINGS.length];
        for (String[] cells : cells()) {
            for (int i = 0; i < cells.length; i++) {
                widths[i] = Math.max(widths[i], cells[i].length());
            }
        }
        StringBuilder table = new StringBuilder();
        for (String[] cells : cells()) {
            StringBuilder line = new StringBuilder();
            for (int i = 0; i < cells.length; i++) {
                line.append(cells[i]).append(" ".repeat(widths[i] - cells[i].length() + 2));
            }
            table.append(line.toString().stripTrailing()).append('\n');
        }
        return table.toString();
    }

    /**
     * Writes the results, the machine and the method to {@code file}; the maintainer's section of an earlier
     * file, and everything after it, is kept.
     */
    void writeMarkdown(Path file, Machine machine, Duration took) throws IOException {
        StringBuilder md = new StringBuilder("# Benchmarks\n\n");
        md.append("Measured by the `bench` module in one run on one machine, ").append(LocalDate.now())
                .append(", in ").append(took.toMinutes()).append(" min ").append(took.toSecondsPart())
                .append(" s. Rerun it: see [How to rerun](#how-to-rerun).\n\n");
        md.append("## Results\n\n");
        for (String[] cells : cells()) {
            md.append("| ").append(String.join(" | ", cells)).append(" |\n");
            if (cells == HEADINGS) {
                md.append("| --- | --- | --- | --- |\n");
            }
        }
        md.append("\n## Machine\n\n| | |\n| --- | --- |\n");
        for (Map.Entry<String, String> entry : machine.asMap().entrySet()) {
            String value = entry.getKey().equals("Command") ? "`" + entry.getValue() + "`" : entry.getValue();
            md.append("| ").append(entry.getKey()).append(" | ").append(value).append(" |\n");
        }
        md.append('\n').append(method());
        md.append('\n').append(maintainerSection(file));
        Files.writeString(file, md.toString(), StandardCharsets.UTF_8);
    }

    private List<String[]> cells() {
        List<String[]> cells = new ArrayList<>();
        cells.add(HEADINGS);
        for (Row row : rows) {
            cells.add(new String[] {row.item(), row.figure(), row.target(), row.met().text});
        }
        return cells;
    }

    /** How each figure is measured, and how to rerun: Markdown kept next to this class. */
    private static String method() throws IOException {
        try (InputStream in = Report.class.getResourceAsStream("method.md")) {
            if (in == null) {
                throw new IllegalStateException("method.md is missing from the bench jar");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    private static String maintainerSection(Path file) throws IOException {
        if (Files.exists(file)) {
            String existing = Files.readString(file, StandardCharsets.UTF_8);
            int section = existing.indexOf(MAINTAINER_SECTION);
            if (section >= 0) {
                return existing.substring(section);
            }
        }
        return MAINTAINER_SECTION + "\n\n(written by the maintainer)\n";
    }
}
