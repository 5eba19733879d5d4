package dev.weblogs.failure;

/**
 * A problem the user can fix in one setting, such as a server that cannot be reached or a password it
 * refuses. The message says what is wrong without naming the option: {@code cannot reach RabbitMQ at
 * localhost:5672 (Connection refused) after trying for 30 s}.
 */
public class ConfigurationException extends RuntimeException {

    private final Setting setting;

    public ConfigurationException(Setting setting, String problem) {
        super(problem);
        this.setting = setting;
    }

    public ConfigurationException(Setting setting, String problem, Throwable cause) {
        super(problem, cause);
        this.setting = setting;
    }

    public Setting setting() {
        return setting;
    }
}
