package dev.weblogs.parse;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.TextStyle;
import java.util.Locale;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class LogTimeTest {

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource({
        "01/Mar/2023:00:00:09 -0500, 2023-03-01T00:00:09-05:00",
        "29/Feb/2024:23:59:59 -0100, 2024-02-29T23:59:59-01:00",
        "01/Jan/2024:00:15:00 +0100, 2024-01-01T00:15:00+01:00",
        "15/Aug/2023:12:00:00 +0530, 2023-08-15T12:00:00+05:30",
        "15/Aug/2023:12:00:00 -0930, 2023-08-15T12:00:00-09:30",
        "31/Dec/9999:23:59:59 +1800, 9999-12-31T23:59:59+18:00",
        "01/Jan/0001:00:00:00 -1800, 0001-01-01T00:00:00-18:00",
        "10/Oct/2000:13:55:36 -0000, 2000-10-10T13:55:36Z",
    })
    void keepsTheWrittenLocalTimeAndOffset(String written, String expected) {
        assertEquals(OffsetDateTime.parse(expected), LogTime.parse(written, 0));
    }

    @ParameterizedTest
    @ValueSource(strings = {"Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"})
    void everyMonthAbbreviation(String month) {
        OffsetDateTime time = LogTime.parse("01/" + month + "/2023:00:00:00 +0000", 0);

        assertEquals(month, time.getMonth().getDisplayName(TextStyle.SHORT, Locale.ENGLISH));
    }

    @Test
    void offsetIsHonouredAcrossTheLeapDay() {
        OffsetDateTime time = LogTime.parse("29/Feb/2024:23:59:59 -0100", 0);

        assertEquals(OffsetDateTime.parse("2024-03-01T00:59:59Z"), time.withOffsetSameInstant(ZoneOffset.UTC));
    }

    @Test
    void readsAtAnIndexInsideALine() {
        String line = "1.2.3.4 - - [01/Mar/2023:00:00:09 -0500] \"GET / HTTP/1.1\" 200 1 -";

        assertEquals(OffsetDateTime.parse("2023-03-01T00:00:09-05:00"), LogTime.parse(line, line.indexOf('[') + 1));
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "29/Feb/2023:00:00:00 +0000",  // not a leap year
        "29/Feb/1900:00:00:00 +0000",  // century, not a leap year
        "31/Apr/2023:00:00:00 +0000",
        "00/Mar/2023:00:00:00 +0000",
        "01/Mar/2023:24:00:00 +0000",
        "01/Mar/2023:00:60:00 +0000",
        "01/Mar/2023:00:00:60 +0000",  // no leap seconds in java.time
        "01/mar/2023:00:00:00 +0000",
        "01/MAR/2023:00:00:00 +0000",
        "01/Mär/2023:00:00:00 +0000",
        "01/Mar/2023:00:00:00 +1900",
        "01/Mar/2023:00:00:00 +0060",
        "01/Mar/2023:00:00:00 *0500",
        "01-Mar-2023:00:00:00 +0000",
        "01/Mar/2023T00:00:00 +0000",
        "01/Mar/2023:00.00:00 +0000",
        "01/Mar/2023:00:00.00 +0000",
        "01/Mar/2023:00:00:00_+0000",
        "1/Mar/2023:00:00:00 +00000",
        "01/Mar/23:00:00:00 +000000",
        "0x/Mar/2023:00:00:00 +0000",
        "01/Mar/2023:00:00:00 +05:0",
        "٠١/Mar/2023:00:00:00 +0000",  // Arabic-Indic digits are not digits here
    })
    void rejectsAnythingButAValidTime(String written) {
        assertEquals(LogTime.LENGTH, written.length(), "fixture keeps the field width");
        assertNull(LogTime.parse(written, 0));
    }

    @Test
    void tooShortOrOutOfRangeStartIsNull() {
        assertNull(LogTime.parse("01/Mar/2023:00:00:09 -050", 0));
        assertNull(LogTime.parse("01/Mar/2023:00:00:09 -0500", 1));
        assertNull(LogTime.parse("01/Mar/2023:00:00:09 -0500", -1));
        assertNull(LogTime.parse("", 0));
    }

    @Test
    void findReadsTheBracketedTimeOfAnyLine() {
        assertEquals(OffsetDateTime.parse("2023-03-01T00:00:09-05:00"),
                LogTime.find("whatever [01/Mar/2023:00:00:09 -0500] else"));
        assertEquals(OffsetDateTime.parse("2023-03-01T00:00:09-05:00"),
                LogTime.find("[01/Mar/2023:00:00:09 -0500]"));
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "1.2.3.4 - [admin] [01/Mar/2023:00:00:09 -0500] \"GET / HTTP/1.1\" 200 1 -",
        "1.2.3.4 - [[[[ [01/Mar/2023:00:00:09 -0500] \"GET / HTTP/1.1\" 200 1 -",
        "1.2.3.4 - [31/Feb/2023:00:00:09 -0500] [01/Mar/2023:00:00:09 -0500] \"GET / HTTP/1.1\" 200 1 -",
        "[[01/Mar/2023:00:00:09 -0500]",
    })
    void findLooksPastBracketsThatAreNotATime(String line) {
        assertEquals(OffsetDateTime.parse("2023-03-01T00:00:09-05:00"), LogTime.find(line));
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "no time here", "[01/Mar/2023:00:00:09 -0500", "[01/Mar/2023:00:00:09 -0500 x",
        "[31/Feb/2023:00:00:09 -0500]", "[01/Mar/2023:00:00:09 -0500 [", "x [", "[", "[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[["})
    void findGivesNullWithoutAReadableTime(String line) {
        assertNull(LogTime.find(line));
    }
}
