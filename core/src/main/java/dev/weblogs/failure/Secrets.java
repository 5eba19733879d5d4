package dev.weblogs.failure;

import java.util.regex.Pattern;

/** Keeps passwords out of everything printed or logged. */
public final class Secrets {

    /** The password part of the user info of a URI: {@code amqp://user:secret@host}. */
    private static final Pattern URI_PASSWORD = Pattern.compile("(//[^:/@\\s]*:)[^@/\\s]*@");
    /** A password given as a URL parameter: {@code jdbc:mysql://host/db?password=secret}. */
    private static final Pattern PASSWORD_PARAMETER = Pattern.compile("(?i)(password=)[^&\\s]*");

    private Secrets() {
    }

    /**
     * Masks, in a message about the command line, the values given to options it does not know: a
     * misspelt {@code --db-pasword hunter2} must not print the password, and an unknown option's value
     * may be one.
     */
    public static String mask(String text, String[] args, java.util.Set<String> knownOptions) {
        String masked = mask(text);
        for (int i = 0; i < args.length; i++) {
            String arg = args[i];
            int equals = arg.indexOf('=');
            String name = equals > 0 ? arg.substring(0, equals) : arg;
            if (arg.startsWith("-") && !knownOptions.contains(name) && equals > 0 && equals < arg.length() - 1) {
                masked = masked.replace(arg, name + "=*****");
            } else if (i > 0 && args[i - 1].startsWith("-") && args[i - 1].indexOf('=') < 0
                    && !knownOptions.contains(args[i - 1]) && !arg.startsWith("-") && !arg.isEmpty()) {
                masked = masked.replace("'" + arg + "'", "'*****'");
            }
        }
        return masked;
    }

    public static String mask(String text) {
        if (text == null) {
            return null;
        }
        String masked = URI_PASSWORD.matcher(text).replaceAll("$1*****@");
        return PASSWORD_PARAMETER.matcher(masked).replaceAll("$1*****");
    }
}
