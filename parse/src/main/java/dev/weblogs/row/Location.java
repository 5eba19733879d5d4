package dev.weblogs.row;

/** Where an address is, in English; either part is {@code null} when unknown. */
public record Location(String country, String city) {

    public static final Location UNKNOWN = new Location(null, null);
}
