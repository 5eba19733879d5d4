package dev.weblogs.cli;

import java.util.regex.Pattern;

/** Keeps passwords out of everything printed or logged. */
public final class Secrets {

    /** The password part of the user info of a URI: {@code amqp://user:secret@host}. */
    private static final Pattern URI_PASSWORD = Pattern.compile("(//[^:/@\\s]*:)[^@/\\s]*@");
    /** A password given as a URL parameter: {@code jdbc:mysql://host/db?password=secret}. */
    private static final Pattern PASSWORD_PARAMETER = Pattern.compile("(?i)(password=)[^&\\s]*");

    private Secrets() {
    }

    public static String mask(String text) {
        if (text == null) {
            return null;
        }
        String masked = URI_PASSWORD.matcher(text).replaceAll("$1*****@");
        return PASSWORD_PARAMETER.matcher(masked).replaceAll("$1*****");
    }
}
