package dev.weblogs.cli;

import dev.weblogs.failure.ConfigurationException;
import dev.weblogs.failure.Secrets;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Map;
import picocli.CommandLine;
import picocli.CommandLine.IExecutionExceptionHandler;
import picocli.CommandLine.Model.OptionSpec;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.UnmatchedArgumentException;

/**
 * Runs a program's command line the same way for all three programs: settings from options, environment
 * and {@code .env}; a usage error exits 2 (with the usage for an unknown option); a problem the user can
 * fix is one line on standard error and exit 1; a stack trace only with {@code --verbose}; never a password.
 */
public final class Cli {

    public static final int OK = 0;
    public static final int FAILED = 1;
    public static final int USAGE = 2;

    static {
        // Hibernate logs through jboss-logging, which would otherwise choose java.util.logging.
        System.setProperty("org.jboss.logging.provider", "slf4j");
    }

    private Cli() {
    }

    /** Parses {@code args} against {@code command}, taking unset settings from {@code env} and {@code .env}. */
    public static int execute(Object command, String[] args, Map<String, String> env) {
        CommandLine commandLine = new CommandLine(command);
        EnvironmentDefaults defaults;
        try {
            defaults = new EnvironmentDefaults(env, Path.of(""));
        } catch (SettingException e) {
            commandLine.getErr().println(commandLine.getCommandName() + ": " + e.describe());
            commandLine.getErr().flush();
            return FAILED;
        }
        boolean verbose = "true".equalsIgnoreCase(defaults.lookUp("VERBOSE"))
                || Arrays.asList(args).contains("--verbose") || Arrays.asList(args).contains("-v");
        if (verbose) {
            // Before the first logger exists: slf4j-simple reads its level once.
            System.setProperty("org.slf4j.simpleLogger.defaultLogLevel", "debug");
        }
        return commandLine.registerConverter(Integer.class, Cli::wholeNumber)
                .registerConverter(int.class, Cli::wholeNumber)
                .setHelpFactory(new SettingsHelp())
                .setUsageHelpWidth(110)
                .setUsageHelpLongOptionsMaxWidth(30)
                .setDefaultValueProvider(defaults)
                .setParameterExceptionHandler(Cli::usageError)
                .setExecutionExceptionHandler(failure(verbose))
                .execute(args);
    }

    private static Integer wholeNumber(String value) {
        try {
            return Integer.valueOf(value.trim());
        } catch (NumberFormatException e) {
            throw new CommandLine.TypeConversionException("'" + value + "' is not a whole number");
        }
    }

    private static int usageError(ParameterException e, String[] args) {
        CommandLine commandLine = e.getCommandLine();
        PrintWriter err = commandLine.getErr();
        String name = commandLine.getCommandName();
        if (e instanceof UnmatchedArgumentException || e instanceof CommandLine.MissingParameterException) {
            err.println(name + ": " + Secrets.mask(e.getMessage(), args, commandLine.getCommandSpec().optionsMap().keySet()));
            UnmatchedArgumentException.printSuggestions(e, err);
            commandLine.usage(err);
        } else if (e.getArgSpec() instanceof OptionSpec option && EnvironmentDefaults.isSetting(option)) {
            // "Invalid value for option '--metrics-port': 'x' is not an int" names only the option,
            // but the value may have come from the environment.
            String message = e.getMessage();
            String problem = message.contains("': ") ? message.substring(message.indexOf("': ") + 3) : message;
            err.println(name + ": " + EnvironmentDefaults.variableName(option) + " (" + option.longestName()
                    + "): invalid value: " + Secrets.mask(problem));
        } else {
            err.println(name + ": " + Secrets.mask(e.getMessage(), args, commandLine.getCommandSpec().optionsMap().keySet()));
            err.println("Run '" + name + " --help' for usage.");
        }
        err.flush();
        return USAGE;
    }

    private static IExecutionExceptionHandler failure(boolean verboseFromSettings) {
        return (e, commandLine, parsed) -> {
            boolean verbose = verboseFromSettings || parsed.hasMatchedOption("--verbose");
            PrintWriter err = commandLine.getErr();
            String name = commandLine.getCommandName();
            if (e instanceof ConfigurationException configuration) {
                err.println(name + ": " + Secrets.mask(SettingException.of(configuration).describe()));
            } else if (e instanceof SettingException setting) {
                err.println(name + ": " + Secrets.mask(setting.describe()));
            } else {
                String message = e.getMessage() != null ? e.getMessage() : e.getClass().getSimpleName();
                err.println(name + ": " + Secrets.mask(message)
                        + (verbose ? "" : " (run with --verbose for details)"));
            }
            if (verbose) {
                StringWriter trace = new StringWriter();
                e.printStackTrace(new PrintWriter(trace));
                err.print(Secrets.mask(trace.toString()));
            }
            err.flush();
            return FAILED;
        };
    }
}
