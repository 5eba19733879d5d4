package dev.weblogs.failure;

/**
 * What a user must change to fix a {@link ConfigurationException}. Below the command line the pipeline
 * speaks of these; only the command line turns one into the option and variable that set it.
 */
public enum Setting {
    BROKER_URI,
    BROKER_PASSWORD_FILE,
    BROKER_CA_FILE,
    BROKER_CLIENT_CERT_FILE,
    BROKER_CLIENT_KEY_FILE,
    QUEUE_TYPE,
    DB_URL,
    DB_USER,
    DB_PASSWORD,
    LOG_FILE,
    STATE_DIR,
    METRICS_PORT,
    GEOIP_DATABASE
}
