package dev.weblogs.dashboard.store;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.weblogs.config.DatabaseSettings;
import dev.weblogs.dashboard.model.LogModel;
import dev.weblogs.dashboard.support.Row;
import dev.weblogs.dashboard.support.Tables;
import dev.weblogs.lifecycle.Stop;
import dev.weblogs.testing.Eventually;
import dev.weblogs.testing.TestDatabase;
import dev.weblogs.testing.TestServices;
import java.sql.Connection;
import java.time.Duration;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Following clean-log by {@code seq} when transactions commit out of order: a row whose transaction took its
 * {@code seq} first but committed after a later one still reaches the model, through the gap it left.
 */
class FollowerIT {

    private static final LocalDateTime TIME = LocalDateTime.of(2024, 1, 1, 12, 0);

    @Test
    void aRowCommittedAfterALaterOneIsFoundInItsGap() throws Exception {
        try (TestDatabase database = TestServices.get().newDatabase(); Connection writer = database.connect();
             Connection slow = database.connect()) {
            Tables.create(writer);
            List<Row> first = new ArrayList<>();
            for (int i = 0; i < 10; i++) {
                first.add(Row.of(TIME.plusSeconds(i), "10.0.0." + i, "/a/" + i, 200));
            }
            Tables.insert(writer, first);
            Stop stop = new Stop();
            LogModel model = new LogModel();
            try (ReadOnlyDatabase db = ReadOnlyDatabase.connect(new DatabaseSettings(database.url(), database.user(),
                    database.password(), 2), Duration.ofSeconds(10), stop)) {
                Thread following = new Thread(new Follower(db, model, Duration.ofMillis(200), stop), "follower");
                following.start();
                try {
                    assertEquals(10, rowsWhen(model, 10));
                    // The slow transaction takes its seq, then a later one commits first.
                    slow.setAutoCommit(false);
                    Tables.write(slow, List.of(Row.of(TIME, "10.0.1.1", "/late", 200)));
                    Tables.insert(writer, List.of(Row.of(TIME, "10.0.1.2", "/early", 200)));
                    assertEquals(11, rowsWhen(model, 11), "the later row is followed");
                    slow.commit();
                    assertEquals(12, rowsWhen(model, 12), "the earlier seq, committed late, too");
                    Tables.reject(writer, first.get(3).id(), "rebuild: not a request");
                    assertEquals(11, rowsWhen(model, 11), "a row moved to clean-log-rejected leaves the model");
                    Tables.repeat(writer, first.get(4).id());
                    assertEquals(12L, Eventually.poll(Duration.ofSeconds(20), () -> requests(model), n -> n == 12L));
                } finally {
                    stop.request();
                    following.join(10_000);
                }
            }
        }
    }

    private static int rowsWhen(LogModel model, int expected) throws Exception {
        return Eventually.poll(Duration.ofSeconds(20), () -> model.read(frame -> frame.live()), n -> n == expected);
    }

    private static long requests(LogModel model) {
        return model.read(frame -> {
            long sum = 0;
            for (int row = 0; row < frame.size(); row++) {
                sum += frame.occurrences()[row];
            }
            return sum;
        });
    }
}
