package dev.weblogs.transform;

import dev.weblogs.row.Location;

/** Where a client address is, from whatever GeoIP database is in use. */
@FunctionalInterface
public interface Geolocation {

    /** {@link Location#UNKNOWN} for a private, reserved or unlisted address. */
    Location locate(String ip);
}
