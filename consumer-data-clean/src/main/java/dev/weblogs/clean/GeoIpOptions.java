package dev.weblogs.clean;

import dev.weblogs.geo.GeoLocator;
import java.nio.file.Path;
import picocli.CommandLine.Option;

/** Which GeoIP database: used by the clean consumer and its parse command. */
final class GeoIpOptions {

    @Option(names = "--geoip-database", paramLabel = "<mmdb>",
            description = "GeoIP2/GeoLite2 City database file; the bundled GeoLite2-City (2019-11) when unset.")
    private Path database;

    public GeoLocator open() {
        return GeoLocator.open(database);
    }
}
