package dev.weblogs.clean;

import dev.weblogs.cli.Cli;
import dev.weblogs.geo.GeoLocator;
import dev.weblogs.source.Line;
import dev.weblogs.source.LineReader;
import dev.weblogs.row.CleanRow;
import dev.weblogs.transform.CleanLogMapper;
import dev.weblogs.transform.MappedLine;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.AccessDeniedException;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Parameters;

/**
 * {@code consumer-data-clean parse}: what the consumer would store for each line of a file, as JSON Lines,
 * with no broker and no database. It goes through the consumer's own mapper, so the two cannot disagree.
 */
@Command(name = "parse", mixinStandardHelpOptions = true, sortOptions = false,
        description = "Prints the clean-log row each line of FILE would become, one JSON object per line, "
                + "or {\"error\": reason, \"line\": line} for a line that cannot be parsed.%n"
                + "Needs no broker and no database. Exit status: 0 every line parsed, 1 some line rejected, "
                + "2 usage error.")
final class ParseCommand implements Callable<Integer> {

    @Parameters(arity = "0..1", paramLabel = "FILE",
            description = "Access log to read; standard input when absent or '-'.")
    private String file;

    @Mixin
    private GeoIpOptions geoIp;

    @Override
    public Integer call() throws IOException {
        boolean standardInput = file == null || file.equals("-");
        if (!standardInput && (!Files.exists(Path.of(file)) || Files.isDirectory(Path.of(file)))) {
            System.err.println("parse: " + file + (Files.exists(Path.of(file)) ? " is a directory" : " does not exist"));
            return Cli.USAGE;
        }
        try (GeoLocator geo = geoIp.open()) {
            if (standardInput) {
                return parse(LineReader.fromStart(System.in), new CleanLogMapper(geo));
            }
            try (InputStream in = Files.newInputStream(Path.of(file))) {
                return parse(LineReader.fromStart(in), new CleanLogMapper(geo));
            }
        } catch (AccessDeniedException e) {
            System.err.println("parse: cannot read " + file + " (permission denied)");
            return Cli.USAGE;
        }
    }

    private static int parse(LineReader reader, CleanLogMapper mapper) throws IOException {
        long lines = 0;
        long rejected = 0;
        // Not closed: standard output belongs to the caller.
        Writer out = new BufferedWriter(new OutputStreamWriter(System.out, StandardCharsets.UTF_8), 1 << 16);
        for (Line line = reader.next(true); line != null; line = reader.next(true)) {
            lines++;
            MappedLine<CleanRow> mapped = mapper.map(line.bytes());
            if (mapped instanceof MappedLine.Row<CleanRow> row) {
                out.write(CleanLogJson.of(row.row()));
            } else {
                rejected++;
                out.write(CleanLogJson.ofRejected(((MappedLine.Rejected<CleanRow>) mapped).reason(),
                        new String(line.bytes(), StandardCharsets.UTF_8)));
            }
            out.write('\n');
        }
        out.flush();
        System.err.printf("parse: %d lines, %d parsed, %d rejected%n", lines, lines - rejected, rejected);
        return rejected == 0 ? Cli.OK : Cli.FAILED;
    }
}
