package dev.weblogs.cli;

import dev.weblogs.failure.ConfigurationException;
import java.util.Locale;

/**
 * Something the user can fix in one setting: shown as one line naming it, e.g.
 * {@code DB_URL (--db-url): cannot reach the database at localhost:3306 (Connection refused)}.
 */
public class SettingException extends RuntimeException {

    private final String setting;

    /** {@code setting} is the option ({@code --db-url}) or a file name ({@code .env}). */
    public SettingException(String setting, String problem) {
        super(problem);
        this.setting = setting;
    }

    public SettingException(String setting, String problem, Throwable cause) {
        super(problem, cause);
        this.setting = setting;
    }

    /** The problem below the command line, named by the option that sets what must change. */
    public static SettingException of(ConfigurationException e) {
        String option = switch (e.setting()) {
            case BROKER_URI -> "--rabbitmq-uri";
            case BROKER_PASSWORD_FILE -> "--rabbitmq-password-file";
            case BROKER_CA_FILE -> "--rabbitmq-ca-file";
            case BROKER_CLIENT_CERT_FILE -> "--rabbitmq-client-cert-file";
            case BROKER_CLIENT_KEY_FILE -> "--rabbitmq-client-key-file";
            case QUEUE_TYPE -> "--queue-type";
            case DB_URL -> "--db-url";
            case DB_USER -> "--db-user";
            case DB_PASSWORD -> "--db-password";
            case LOG_FILE -> "--log-file";
            case STATE_DIR -> "--state-dir";
            case METRICS_PORT -> "--metrics-port";
            case GEOIP_DATABASE -> "--geoip-database";
        };
        return new SettingException(option, e.getMessage(), e);
    }

    /** The line shown to the user. */
    public String describe() {
        String name = setting.startsWith("--")
                ? setting.substring(2).replace('-', '_').toUpperCase(Locale.ROOT) + " (" + setting + ")"
                : setting;
        return name + ": " + getMessage();
    }
}
