package dev.weblogs.cli;

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

    /** The line shown to the user. */
    public String describe() {
        String name = setting.startsWith("--")
                ? setting.substring(2).replace('-', '_').toUpperCase(Locale.ROOT) + " (" + setting + ")"
                : setting;
        return name + ": " + getMessage();
    }
}
