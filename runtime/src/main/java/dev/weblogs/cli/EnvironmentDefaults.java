package dev.weblogs.cli;

import io.github.cdimascio.dotenv.Dotenv;
import io.github.cdimascio.dotenv.DotenvEntry;
import io.github.cdimascio.dotenv.DotenvException;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import picocli.CommandLine.IDefaultValueProvider;
import picocli.CommandLine.Model.ArgSpec;
import picocli.CommandLine.Model.OptionSpec;

/**
 * The one configuration loader: a setting not given as an option comes from the environment variable of
 * the same name ({@code --db-url} is {@code DB_URL}), then from a {@code .env} file in the working
 * directory, then from the option's declared default.
 */
public final class EnvironmentDefaults implements IDefaultValueProvider {

    private final Map<String, String> environment;
    private final Map<String, String> dotEnv;

    public EnvironmentDefaults(Map<String, String> environment, Path workingDirectory) {
        this.environment = environment;
        this.dotEnv = readDotEnv(workingDirectory);
    }

    private static Map<String, String> readDotEnv(Path directory) {
        try {
            Map<String, String> values = new HashMap<>();
            // An absolute path: dotenv-java reads "" (the working directory as Path.of gives it) as no file at all.
            Dotenv dotenv = Dotenv.configure().directory(directory.toAbsolutePath().toString()).ignoreIfMissing()
                    .load();
            for (DotenvEntry entry : dotenv.entries(Dotenv.Filter.DECLARED_IN_ENV_FILE)) {
                values.put(entry.getKey(), entry.getValue());
            }
            return values;
        } catch (DotenvException e) {
            throw new SettingException(".env", "cannot be read: " + e.getMessage());
        }
    }

    /** The value of {@code variable} from the environment, else from {@code .env}; {@code null} if neither has it. */
    public String lookUp(String variable) {
        String value = environment.get(variable);
        return value != null ? value : dotEnv.get(variable);
    }

    /** {@code --rabbitmq-uri} is read from {@code RABBITMQ_URI}. */
    public static String variableName(OptionSpec option) {
        return option.longestName().replaceFirst("^-+", "").replace('-', '_').toUpperCase(Locale.ROOT);
    }

    /** Whether an option is a setting (rather than --help or --version). */
    public static boolean isSetting(OptionSpec option) {
        return !option.usageHelp() && !option.versionHelp() && option.longestName().startsWith("--");
    }

    @Override
    public String defaultValue(ArgSpec arg) {
        if (!(arg instanceof OptionSpec option) || !isSetting(option)) {
            return null;
        }
        String value = lookUp(variableName(option));
        boolean unset = value == null || (value.isEmpty() && option.type() != String.class);
        return unset ? null : value;
    }
}
