package dev.weblogs.parse;

/** Tells whether a user name is an email address, the way a person reading the log would. */
public final class EmailAddress {

    private EmailAddress() {
    }

    /**
     * The domain part of {@code user} from the {@code @} on (e.g. {@code @crypto.com}), or {@code null}
     * when {@code user} is not an email address: one {@code @}, a local part without spaces, and a domain
     * of at least two dot-separated labels of letters, digits and hyphens.
     */
    public static String domainOf(String user) {
        if (user == null) {
            return null;
        }
        int at = user.indexOf('@');
        if (at <= 0 || at != user.lastIndexOf('@') || at == user.length() - 1) {
            return null;
        }
        for (int i = 0; i < at; i++) {
            if (Character.isWhitespace(user.charAt(i)) || Character.isISOControl(user.charAt(i))) {
                return null;
            }
        }
        int labels = 0;
        int labelLength = 0;
        for (int i = at + 1; i <= user.length(); i++) {
            char c = i < user.length() ? user.charAt(i) : '.';
            if (c == '.') {
                if (labelLength == 0) {
                    return null;
                }
                labels++;
                labelLength = 0;
            } else if (Character.isLetterOrDigit(c) || c == '-') {
                labelLength++;
            } else {
                return null;
            }
        }
        return labels >= 2 ? user.substring(at) : null;
    }
}
