package dev.weblogs.parse;

import java.time.DateTimeException;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;

/**
 * The nginx {@code $time_local} field: {@code 01/Mar/2023:00:00:09 -0500}.
 *
 * <p>Parsed by hand rather than with a {@code DateTimeFormatter}: it is on the hot path of every line,
 * and a fixed-width field makes strict validation simple.
 */
public final class LogTime {

    /** Characters of {@code dd/MMM/yyyy:HH:mm:ss +hhmm}. */
    public static final int LENGTH = 26;

    private static final String[] MONTHS = {
        "Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"
    };

    private LogTime() {
    }

    /**
     * The first {@code [time]} of a line that reads as a time, or {@code null} when the line has none. For the
     * data lake, which stores every line whatever its shape; a {@code [} in an earlier field (a user named
     * {@code [admin]}) does not hide the time that the clean parse finds.
     */
    public static OffsetDateTime find(String line) {
        for (int open = line.indexOf('['); open >= 0; open = line.indexOf('[', open + 1)) {
            int close = open + 1 + LENGTH;
            if (close < line.length() && line.charAt(close) == ']') {
                OffsetDateTime time = parse(line, open + 1);
                if (time != null) {
                    return time;
                }
            }
        }
        return null;
    }

    /** The time of {@link #LENGTH} characters starting at {@code start}, or {@code null} if they are not one. */
    public static OffsetDateTime parse(String s, int start) {
        if (start < 0 || start + LENGTH > s.length()) {
            return null;
        }
        int day = digits(s, start, 2);
        int month = month(s, start + 3);
        int year = digits(s, start + 7, 4);
        int hour = digits(s, start + 12, 2);
        int minute = digits(s, start + 15, 2);
        int second = digits(s, start + 18, 2);
        int offsetHours = digits(s, start + 22, 2);
        int offsetMinutes = digits(s, start + 24, 2);
        char sign = s.charAt(start + 21);
        if (day < 0 || month < 0 || year < 0 || hour < 0 || minute < 0 || second < 0
                || offsetHours < 0 || offsetMinutes < 0
                || s.charAt(start + 2) != '/' || s.charAt(start + 6) != '/' || s.charAt(start + 11) != ':'
                || s.charAt(start + 14) != ':' || s.charAt(start + 17) != ':' || s.charAt(start + 20) != ' '
                || (sign != '+' && sign != '-')) {
            return null;
        }
        try {
            ZoneOffset offset = sign == '+'
                    ? ZoneOffset.ofHoursMinutes(offsetHours, offsetMinutes)
                    : ZoneOffset.ofHoursMinutes(-offsetHours, -offsetMinutes);
            return OffsetDateTime.of(LocalDateTime.of(year, month, day, hour, minute, second), offset);
        } catch (DateTimeException e) {
            return null;
        }
    }

    private static int digits(String s, int start, int count) {
        int value = 0;
        for (int i = start; i < start + count; i++) {
            char c = s.charAt(i);
            if (c < '0' || c > '9') {
                return -1;
            }
            value = value * 10 + (c - '0');
        }
        return value;
    }

    private static int month(String s, int start) {
        for (int m = 0; m < MONTHS.length; m++) {
            if (s.startsWith(MONTHS[m], start)) {
                return m + 1;
            }
        }
        return -1;
    }
}
