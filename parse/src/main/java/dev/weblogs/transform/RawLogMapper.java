package dev.weblogs.transform;

import dev.weblogs.parse.LogTime;
import dev.weblogs.row.LineId;
import dev.weblogs.row.RawRow;
import java.nio.charset.StandardCharsets;
import java.time.OffsetDateTime;

/**
 * Every line becomes a {@code raw-log} row, whatever its shape: the lake keeps everything. Bytes that are
 * not UTF-8 are stored as U+FFFD; the id is still the md5 of the bytes as they arrived.
 */
public final class RawLogMapper implements LineMapper<RawRow> {

    @Override
    public MappedLine<RawRow> map(byte[] line) {
        String text = new String(line, StandardCharsets.UTF_8);
        OffsetDateTime time = LogTime.find(text);
        return new MappedLine.Row<>(new RawRow(LineId.of(line),
                time == null ? null : time.toLocalDateTime(),
                time == null ? null : time.getOffset().getId().replace("Z", "+00:00"),
                text));
    }
}
