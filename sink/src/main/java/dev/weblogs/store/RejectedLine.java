package dev.weblogs.store;

import dev.weblogs.message.Rejection;
import dev.weblogs.row.LineId;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Clock;
import java.time.LocalDateTime;
import org.hibernate.annotations.SQLInsert;
import org.hibernate.jdbc.Expectation;

/**
 * A row of {@code clean-log-rejected}: a line that can never be a {@code clean-log} row, and why. The line
 * itself is in {@code raw-log}, joined on the id. A line rejected again (a redelivery) keeps its first row.
 */
@Entity
@Table(name = "clean-log-rejected")
@SQLInsert(sql = "INSERT INTO `clean-log-rejected` (`occurrence_key`, `reason`, `rejected_at`, `id`) VALUES (?, ?, ?, ?)"
        + " ON DUPLICATE KEY UPDATE `id` = `id`", verify = Expectation.None.class)
public class RejectedLine {

    /** The length of the reason column. */
    static final int MAX_REASON = 1024;

    @Id
    private String id;

    private String reason;

    private LocalDateTime rejectedAt;

    private String occurrenceKey;

    protected RejectedLine() {
    }

    /** The row of {@code rejection}, rejected now by {@code clock}'s UTC time. */
    public static RejectedLine of(Rejection rejection, Clock clock) {
        return of(rejection, LineId.of(rejection.line()), clock);
    }

    /** The same, for a line whose id is known (its md5, also when its text is no longer its bytes). */
    static RejectedLine of(Rejection rejection, String id, Clock clock) {
        RejectedLine entity = new RejectedLine();
        entity.id = id;
        entity.reason = shortened(rejection.reason());
        entity.rejectedAt = LocalDateTime.now(clock.withZone(java.time.ZoneOffset.UTC)).withNano(0);
        entity.occurrenceKey = rejection.occurrenceKey();
        return entity;
    }

    /** Cut to the column, never inside a surrogate pair: a reason too long must not refuse the line's record. */
    static String shortened(String reason) {
        if (reason.length() <= MAX_REASON) {
            return reason;
        }
        int cut = Character.isHighSurrogate(reason.charAt(MAX_REASON - 4)) ? MAX_REASON - 4 : MAX_REASON - 3;
        return reason.substring(0, cut) + "...";
    }
}
