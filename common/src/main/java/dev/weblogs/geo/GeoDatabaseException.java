package dev.weblogs.geo;

/** The GeoIP database cannot be used; the message says why, for the user to fix {@code GEOIP_DATABASE}. */
public class GeoDatabaseException extends RuntimeException {

    public GeoDatabaseException(String message) {
        super(message);
    }
}
