package dev.weblogs.geo;

import com.maxmind.db.CHMCache;
import com.maxmind.geoip2.DatabaseReader;
import com.maxmind.geoip2.exception.GeoIp2Exception;
import com.maxmind.geoip2.model.CityResponse;
import dev.weblogs.failure.ConfigurationException;
import dev.weblogs.failure.Setting;
import dev.weblogs.parse.IpLiteral;
import dev.weblogs.transform.Geolocation;
import dev.weblogs.row.Location;
import java.io.Closeable;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Country and city of an IP address from a local MaxMind GeoIP2/GeoLite2 City database, looked up in
 * memory: the database is memory-mapped (or, for the bundled one, loaded), its decoded nodes cached by
 * MaxMind's cache, and the answer per address cached here, since a log repeats the same clients.
 */
public final class GeoLocator implements Geolocation, Closeable {

    /** Classpath location of the GeoLite2-City database of {@code org.elasticsearch:geolite2-databases}. */
    public static final String BUNDLED_DATABASE = "GeoLite2-City.mmdb";

    private static final int MAX_CACHED_ADDRESSES = 100_000;

    private final DatabaseReader reader;
    private final String description;
    private final ConcurrentHashMap<String, Location> byAddress = new ConcurrentHashMap<>();

    private GeoLocator(DatabaseReader reader, String description) {
        this.reader = reader;
        this.description = description;
    }

    /**
     * Opens {@code database}, or the bundled GeoLite2-City database when it is {@code null}.
     *
     * @throws ConfigurationException when the file is missing, unreadable or not a City database
     */
    public static GeoLocator open(Path database) {
        try {
            if (database == null) {
                return openBundled();
            }
            if (!Files.isReadable(database)) {
                throw new ConfigurationException(Setting.GEOIP_DATABASE, database + " does not exist or is not readable");
            }
            DatabaseReader reader = new DatabaseReader.Builder(database.toFile())
                    .withCache(new CHMCache())
                    .build();
            return checked(reader, database.toString());
        } catch (ConfigurationException e) {
            throw e;
        } catch (IOException | RuntimeException e) {
            throw new ConfigurationException(Setting.GEOIP_DATABASE, (database == null ? "the bundled database" : database)
                    + " is not a MaxMind database (" + e.getMessage() + ")");
        }
    }

    private static GeoLocator openBundled() throws IOException {
        try (InputStream in = GeoLocator.class.getClassLoader().getResourceAsStream(BUNDLED_DATABASE)) {
            if (in == null) {
                throw new ConfigurationException(Setting.GEOIP_DATABASE, "no bundled " + BUNDLED_DATABASE + " on the classpath; "
                        + "set GEOIP_DATABASE to a GeoLite2-City.mmdb file");
            }
            DatabaseReader reader = new DatabaseReader.Builder(in).withCache(new CHMCache()).build();
            return checked(reader, "bundled " + BUNDLED_DATABASE);
        }
    }

    private static GeoLocator checked(DatabaseReader reader, String name) throws IOException {
        String type = reader.getMetadata().databaseType();
        if (!type.contains("City")) {
            reader.close();
            throw new ConfigurationException(Setting.GEOIP_DATABASE, name + " is a " + type + " database; a City database is needed");
        }
        return new GeoLocator(reader, name + " (" + type + ", built "
                + reader.getMetadata().buildTime().toString().substring(0, 10) + ")");
    }

    @Override
    public Location locate(String ip) {
        Location cached = byAddress.get(ip);
        if (cached != null) {
            return cached;
        }
        Location location = lookUp(ip);
        if (byAddress.size() >= MAX_CACHED_ADDRESSES) {
            byAddress.clear();
        }
        byAddress.put(ip, location);
        return location;
    }

    private Location lookUp(String ip) {
        InetAddress address = IpLiteral.toAddress(ip);
        if (address == null) {
            return Location.UNKNOWN;
        }
        try {
            Optional<CityResponse> response = reader.tryCity(address);
            return response
                    .map(r -> new Location(r.country().name(), r.city().name()))
                    .orElse(Location.UNKNOWN);
        } catch (GeoIp2Exception e) {
            return Location.UNKNOWN;
        } catch (IOException e) {
            throw new UncheckedIOException("GeoIP database read failed for " + ip, e);
        }
    }

    /** Which database this is, for the start-up log line. */
    public String description() {
        return description;
    }

    @Override
    public void close() throws IOException {
        reader.close();
    }
}
