package dev.weblogs.store;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.weblogs.config.DatabaseSettings;
import dev.weblogs.lifecycle.Stop;
import dev.weblogs.message.Rejection;
import dev.weblogs.row.LineId;
import dev.weblogs.row.RawRow;
import dev.weblogs.sink.KeyedRow;
import dev.weblogs.sink.StoreException;
import dev.weblogs.testing.TestDatabase;
import dev.weblogs.testing.TestServices;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Occurrence counting against a real database: repeats count, redeliveries do not, also between two writers. */
class OccurrencesIT {

    private static final Destination<RawRow> RAW_LOG = new Destination<>("raw-log", RawLog::of, RawRow::id,
            "raw-log-repeats", null);

    private TestDatabase db;
    private Database database;
    private TableStore<RawRow> lake;

    @BeforeEach
    void tables() {
        db = TestServices.get().newDatabase();
        database = Database.connect(new DatabaseSettings(db.url(), db.user(), db.password(), 2),
                List.of(RawLog.class, CleanLog.class, RejectedLine.class),
                List.of("raw-log", "raw-log-repeats", "clean-log", "clean-log-rejected", "clean-log-repeats",
                        "clean-log-changes"), Duration.ZERO, new Stop());
        lake = new TableStore<>(database, RAW_LOG, null);
    }

    @AfterEach
    void drop() {
        database.close();
        db.close();
    }

    @Test
    void aLineTheServerWroteTwiceCountsTwiceAndARedeliveryNothing() throws Exception {
        lake.store(List.of(line("X", "k1"), line("X", "k2"), line("Y", "k3")), List.of());
        assertEquals(2, occurrences("raw-log", "X"));
        assertEquals(1, occurrences("raw-log", "Y"));
        lake.store(List.of(line("X", "k2"), line("Y", "k3"), line("X", "k1")), List.of());
        assertEquals(2, occurrences("raw-log", "X"), "redelivered: no change");
        lake.store(List.of(line("X", "k4")), List.of());
        assertEquals(3, occurrences("raw-log", "X"));
        assertEquals(2, db.count("SELECT COUNT(*) FROM `raw-log-repeats`"), "only the repeats have a key of their own");
    }

    @Test
    void aLineStoredWithoutKeyTakesTheFirstKeyThatComesWithoutCountingItTwice() throws Exception {
        lake.store(List.of(line("X", null)), List.of());
        lake.store(List.of(line("X", null)), List.of());
        assertEquals(1, occurrences("raw-log", "X"), "without keys, once per distinct line");
        lake.store(List.of(line("X", "k1")), List.of());
        assertEquals(1, occurrences("raw-log", "X"), "the keyless row was that occurrence");
        lake.store(List.of(line("X", "k2"), line("X", "k1")), List.of());
        assertEquals(2, occurrences("raw-log", "X"));
    }

    @Test
    void withinOneBatchOfNewLinesARepeatCountsAKeylessLineTakesTheNextKeyAndARedeliveryNothing() throws Exception {
        lake.store(List.of(line("X", null), line("X", "k1"), line("Y", "k2"), line("Y", "k2"), line("Y", "k3"),
                line("X", "k4")), List.of());
        assertEquals(2, occurrences("raw-log", "X"), "the keyless row took k1; k4 is a repeat");
        assertEquals(2, occurrences("raw-log", "Y"), "k2 delivered twice counts once; k3 is a repeat");
        assertEquals(1, db.count("SELECT COUNT(*) FROM `raw-log` WHERE id = '" + LineId.of(utf8("X"))
                + "' AND occurrence_key = 'k1'"), "the row holds its first key");
        assertEquals(1, db.count("SELECT COUNT(*) FROM `raw-log` WHERE id = '" + LineId.of(utf8("Y"))
                + "' AND occurrence_key = 'k2'"), "the row holds its first key");
        lake.store(List.of(line("X", "k1"), line("Y", "k2"), line("X", "k4"), line("Y", "k3")), List.of());
        assertEquals(2, occurrences("raw-log", "X"), "redelivered: no change");
        assertEquals(2, occurrences("raw-log", "Y"), "redelivered: no change");
        assertEquals(2, db.count("SELECT COUNT(*) FROM `raw-log-repeats`"));
    }

    @Test
    void rejectedLinesAndCleanRowsCountTheirOccurrencesAndChangedRowsAreInTheFeed() throws Exception {
        TableStore<dev.weblogs.row.CleanRow> clean = new TableStore<>(database, CleanTables.rows(),
                CleanTables.rejections(Clock.systemUTC()));
        Rejection bad1 = new Rejection(utf8("garbage"), "not a line", "k1");
        Rejection bad2 = new Rejection(utf8("garbage"), "not a line", "k2");
        clean.store(List.of(), List.of(bad1, bad2, bad1));
        assertEquals(2, occurrences("clean-log-rejected", "garbage"));
        assertEquals(0, db.count("SELECT COUNT(*) FROM `clean-log-changes`"), "new rows need no entry");
        var row = TableStoreIT.CLEAN;
        clean.store(List.of(new KeyedRow<>(row, "c1")), List.of());
        clean.store(List.of(new KeyedRow<>(row, "c2")), List.of());
        assertEquals(2, db.count("SELECT occurrences FROM `clean-log` WHERE id = '" + row.id() + "'"));
        assertEquals(1, db.count("SELECT COUNT(*) FROM `clean-log-changes` WHERE id = '" + row.id() + "'"),
                "the row counted again is in the change feed");
    }

    @Test
    void twoWritersSharingTheLinesCountEachOccurrenceOnce() throws Exception {
        int lines = 300;
        int occurrencesEach = 4;
        List<KeyedRow<RawRow>> all = new ArrayList<>();
        for (int i = 0; i < lines; i++) {
            for (int k = 0; k < occurrencesEach; k++) {
                all.add(line("line " + i, "key-" + i + "-" + k));
            }
        }
        // Every occurrence once, and a third of them again as redeliveries, in a random order split between two.
        List<KeyedRow<RawRow>> deliveries = new ArrayList<>(all);
        deliveries.addAll(all.subList(0, all.size() / 3));
        Collections.shuffle(deliveries, new Random(7));
        ExecutorService writers = Executors.newFixedThreadPool(2);
        List<Future<?>> done = new ArrayList<>();
        for (int w = 0; w < 2; w++) {
            List<KeyedRow<RawRow>> mine = new ArrayList<>();
            for (int i = w; i < deliveries.size(); i += 2) {
                mine.add(deliveries.get(i));
            }
            done.add(writers.submit(() -> writeInBatches(mine, 50)));
        }
        for (Future<?> writer : done) {
            writer.get();
        }
        writers.shutdown();
        assertEquals(lines, db.count("SELECT COUNT(*) FROM `raw-log` WHERE occurrences = " + occurrencesEach));
        assertEquals((long) lines * occurrencesEach, db.count("SELECT SUM(occurrences) FROM `raw-log`"));
    }

    /** As the sink does: a deadlock between the two writers is waited out and the batch written again. */
    private Void writeInBatches(List<KeyedRow<RawRow>> rows, int size) throws InterruptedException {
        for (int from = 0; from < rows.size(); from += size) {
            List<KeyedRow<RawRow>> batch = rows.subList(from, Math.min(rows.size(), from + size));
            while (true) {
                try {
                    lake.store(batch, List.of());
                    break;
                } catch (StoreException e) {
                    if (e.kind() != StoreException.Kind.UNAVAILABLE) {
                        throw e;
                    }
                    Thread.sleep(20);
                }
            }
        }
        return null;
    }

    private static KeyedRow<RawRow> line(String text, String key) {
        return new KeyedRow<>(new RawRow(LineId.of(utf8(text)), null, null, text), key);
    }

    private long occurrences(String table, String line) throws Exception {
        return db.count("SELECT occurrences FROM `" + table + "` WHERE id = '" + LineId.of(utf8(line)) + "'");
    }

    private static byte[] utf8(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }
}
