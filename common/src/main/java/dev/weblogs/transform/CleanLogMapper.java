package dev.weblogs.transform;

import dev.weblogs.geo.GeoLocator;
import dev.weblogs.parse.AccessLogParser;
import dev.weblogs.parse.ParseResult;
import dev.weblogs.store.CleanLog;

/**
 * Parses and geolocates a line into a {@code clean-log} row. The consumer and the {@code parse} command
 * both go through here, so what one prints is what the other stores.
 */
public final class CleanLogMapper implements LineMapper<CleanLog> {

    private final AccessLogParser parser = new AccessLogParser();
    private final GeoLocator geo;

    public CleanLogMapper(GeoLocator geo) {
        this.geo = geo;
    }

    @Override
    public MappedLine<CleanLog> map(byte[] line) {
        ParseResult result = parser.parse(line);
        if (result instanceof ParseResult.Parsed parsed) {
            return new MappedLine.Row<>(CleanLog.of(LineId.of(line), parsed.record(),
                    geo.locate(parsed.record().ip())));
        }
        return new MappedLine.Rejected<>(((ParseResult.Rejected) result).reason());
    }
}
