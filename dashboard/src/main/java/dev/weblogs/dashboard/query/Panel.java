package dev.weblogs.dashboard.query;

import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/** The ranked tables of the page, each grouping the view's rows by one field. */
public enum Panel {
    REQUESTS("requests", "Requested URLs", Field.PATH, "—"),
    NOT_FOUND("not_found", "Not found URLs (404)", Field.PATH, "—"),
    HOSTS("hosts", "Virtual hosts", Field.HOST, "No host (relative URL)"),
    STATUS("status", "Status codes", Field.STATUS, "—"),
    COUNTRIES("countries", "Countries", Field.COUNTRY, "Unknown"),
    CITIES("cities", "Cities", Field.CITY, "Unknown"),
    IPS("ips", "Client IPs", Field.IP, "—"),
    USERS("users", "Users", Field.USER, "Anonymous"),
    EMAIL_DOMAINS("email_domains", "Email domains", Field.EMAIL_DOMAIN, "Not an email"),
    METHODS("methods", "Methods", Field.METHOD, "—"),
    VERSIONS("versions", "HTTP versions", Field.VERSION, "—"),
    REFERRERS("referrers", "Referring sites", Field.REFERRER, "No referrer"),
    BROWSERS("browsers", "Browsers", Field.BROWSER, "No user agent"),
    SYSTEMS("os", "Operating systems", Field.OS, "No user agent");

    private final String key;
    private final String title;
    private final Field field;
    private final String nullLabel;

    Panel(String key, String title, Field field, String nullLabel) {
        this.key = key;
        this.title = title;
        this.field = field;
        this.nullLabel = nullLabel;
    }

    public String key() {
        return key;
    }

    public String title() {
        return title;
    }

    public Field field() {
        return field;
    }

    /** How the table shows the NULL group. */
    public String nullLabel() {
        return nullLabel;
    }

    /** A filter the panel applies on top of the view's: only 404s for the not-found URLs. */
    public Optional<Filter> implied() {
        return this == NOT_FOUND ? Optional.of(new Filter(Field.STATUS, List.of("404"), false)) : Optional.empty();
    }

    public static Optional<Panel> byKey(String key) {
        return Arrays.stream(values()).filter(panel -> panel.key.equals(key)).findFirst();
    }
}
