package dev.weblogs.parse;

/** What the parser makes of a line: a record, or the reason it is not one. */
public sealed interface ParseResult {

    record Parsed(AccessLogRecord record) implements ParseResult {
    }

    record Rejected(String reason) implements ParseResult {
    }
}
