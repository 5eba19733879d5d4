package dev.weblogs.transform;

import dev.weblogs.parse.AccessLogParser;
import dev.weblogs.parse.ParseResult;
import dev.weblogs.row.CleanRow;
import dev.weblogs.row.LineId;

/**
 * Parses and geolocates a line into a {@code clean-log} row. The consumer, {@code parse} and {@code rebuild}
 * all go through here, so what one prints is what the others store.
 */
public final class CleanLogMapper implements LineMapper<CleanRow> {

    private final AccessLogParser parser = new AccessLogParser();
    private final Geolocation geo;

    public CleanLogMapper(Geolocation geo) {
        this.geo = geo;
    }

    @Override
    public MappedLine<CleanRow> map(byte[] line) {
        ParseResult result = parser.parse(line);
        if (result instanceof ParseResult.Parsed parsed) {
            return new MappedLine.Row<>(CleanRow.of(LineId.of(line), parsed.record(),
                    geo.locate(parsed.record().ip())));
        }
        return new MappedLine.Rejected<>(((ParseResult.Rejected) result).reason());
    }
}
