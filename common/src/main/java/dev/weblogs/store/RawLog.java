package dev.weblogs.store;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.LocalDateTime;

/**
 * A row of {@code raw-log}: every line exactly as it arrived, keyed by its md5.
 *
 * <p>Rows are never updated (every column is {@code updatable = false}): Hibernate's upsert then renders
 * MySQL's {@code INSERT ... ON DUPLICATE KEY UPDATE id = id}, which absorbs a repeated line.
 */
@Entity
@Table(name = "raw-log")
public class RawLog {

    @Id
    @Column(updatable = false)
    private String id;

    /** The time written in the line, in the line's own offset; {@code null} when it has no readable time. */
    @Column(updatable = false)
    private LocalDateTime timestamp;

    /** The UTC offset the line's time was written in, e.g. {@code -05:00}. */
    @Column(updatable = false)
    private String timestampOffset;

    @Column(updatable = false)
    private String log;

    protected RawLog() {
    }

    public RawLog(String id, LocalDateTime timestamp, String timestampOffset, String log) {
        this.id = id;
        this.timestamp = timestamp;
        this.timestampOffset = timestampOffset;
        this.log = log;
    }

    public String id() {
        return id;
    }

    public LocalDateTime timestamp() {
        return timestamp;
    }

    public String timestampOffset() {
        return timestampOffset;
    }

    public String log() {
        return log;
    }
}
