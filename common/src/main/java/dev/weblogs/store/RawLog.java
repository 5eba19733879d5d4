package dev.weblogs.store;

import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.LocalDateTime;
import org.hibernate.annotations.SQLInsert;
import org.hibernate.jdbc.Expectation;

/**
 * A row of {@code raw-log}: every line exactly as it arrived, keyed by its md5.
 *
 * <p>Inserted with {@code ON DUPLICATE KEY UPDATE id = id}, so a line stored before is left as it is
 * instead of failing its batch. The statement lists the columns in the order Hibernate binds them
 * (attributes by name, id last); {@code raw-log.sql} creates the table.
 */
@Entity
@Table(name = "raw-log")
@SQLInsert(sql = "INSERT INTO `raw-log` (`log`, `timestamp`, `timestamp_offset`, `id`) VALUES (?, ?, ?, ?)"
        + " ON DUPLICATE KEY UPDATE `id` = `id`", verify = Expectation.None.class)
public class RawLog {

    @Id
    private String id;

    /** The time written in the line, in the line's own offset; {@code null} when it has no readable time. */
    private LocalDateTime timestamp;

    /** The UTC offset the line's time was written in, e.g. {@code -05:00}. */
    private String timestampOffset;

    private String log;

    protected RawLog() {
    }

    public RawLog(String id, LocalDateTime timestamp, String timestampOffset, String log) {
        this.id = id;
        this.timestamp = timestamp;
        this.timestampOffset = timestampOffset;
        this.log = log;
    }
}
