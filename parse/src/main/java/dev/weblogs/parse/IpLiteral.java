package dev.weblogs.parse;

import java.net.InetAddress;
import java.net.UnknownHostException;

/** IPv4 and IPv6 address literals, checked without ever asking DNS. */
public final class IpLiteral {

    private IpLiteral() {
    }

    /** Whether {@code s} is an IP literal; for IPv4, the common case, without building an address. */
    public static boolean isValid(String s) {
        if (s.indexOf(':') < 0) {
            return !s.isEmpty() && s.length() <= AccessLogRecord.MAX_IP && isIpv4(s, 0, s.length());
        }
        return toAddress(s) != null;
    }

    /** The address written in {@code s}, or {@code null} when {@code s} is not an IP literal. */
    public static InetAddress toAddress(String s) {
        if (s.isEmpty() || s.length() > AccessLogRecord.MAX_IP) {
            return null;
        }
        boolean v6 = s.indexOf(':') >= 0;
        if (v6 ? !isIpv6Shaped(s) : !isIpv4(s, 0, s.length())) {
            return null;
        }
        try {
            // Only a literal reaches this point, so no name lookup happens.
            return InetAddress.getByName(s);
        } catch (UnknownHostException e) {
            return null;
        }
    }

    private static boolean isIpv4(String s, int start, int end) {
        int parts = 0;
        int i = start;
        while (i < end) {
            int partStart = i;
            int value = 0;
            int digits = 0;
            while (i < end && s.charAt(i) >= '0' && s.charAt(i) <= '9') {
                value = value * 10 + (s.charAt(i) - '0');
                digits++;
                i++;
                if (digits > 3) {
                    return false;
                }
            }
            // A leading zero reads as octal to inet_aton (010 is 8): ambiguous, and no server writes one.
            if (digits == 0 || value > 255 || (digits > 1 && s.charAt(partStart) == '0')) {
                return false;
            }
            parts++;
            if (i < end) {
                if (s.charAt(i) != '.' || i == end - 1) {
                    return false;
                }
                i++;
            }
        }
        return parts == 4;
    }

    /** Hex groups and colons, at most one {@code ::}, optionally ending in a dotted IPv4 address. */
    private static boolean isIpv6Shaped(String s) {
        int lastColon = s.lastIndexOf(':');
        int end = s.length();
        if (s.indexOf('.') >= 0) {
            if (!isIpv4(s, lastColon + 1, end)) {
                return false;
            }
            end = lastColon + 1;
        }
        int groupLength = 0;
        for (int i = 0; i < end; i++) {
            char c = s.charAt(i);
            if (c == ':') {
                groupLength = 0;
            } else if (Character.digit(c, 16) >= 0 && c < 128) {
                if (++groupLength > 4) {
                    return false;
                }
            } else {
                return false;
            }
        }
        return s.indexOf("::") == s.lastIndexOf("::") && !s.contains(":::");
    }
}
