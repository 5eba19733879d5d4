package dev.weblogs.store;

import dev.weblogs.row.RawRow;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.LocalDateTime;
import org.hibernate.annotations.SQLInsert;
import org.hibernate.jdbc.Expectation;

/**
 * A row of {@code raw-log}, as Hibernate writes it. Inserted with {@code ON DUPLICATE KEY UPDATE id = id}, so a
 * line stored before is left as it is; the statement lists the columns in the order Hibernate binds them
 * (attributes by name, id last), which {@code TableStoreIT} checks against the table; {@code raw-log.sql}
 * creates it.
 */
@Entity
@Table(name = "raw-log")
@SQLInsert(sql = "INSERT INTO `raw-log` (`log`, `occurrence_key`, `timestamp`, `timestamp_offset`, `id`)"
        + " VALUES (?, ?, ?, ?, ?)"
        + " ON DUPLICATE KEY UPDATE `id` = `id`", verify = Expectation.None.class)
public class RawLog {

    @Id
    private String id;

    private LocalDateTime timestamp;

    private String timestampOffset;

    private String log;

    /** Of the line that first stored the row. */
    private String occurrenceKey;

    protected RawLog() {
    }

    public static RawLog of(RawRow row, String occurrenceKey) {
        RawLog entity = new RawLog();
        entity.id = row.id();
        entity.timestamp = row.timestamp();
        entity.timestampOffset = row.timestampOffset();
        entity.log = row.log();
        entity.occurrenceKey = occurrenceKey;
        return entity;
    }
}
