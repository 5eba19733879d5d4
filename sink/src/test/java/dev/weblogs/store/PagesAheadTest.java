package dev.weblogs.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.weblogs.row.CleanRow;
import dev.weblogs.row.LineId;
import dev.weblogs.transform.MappedLine;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;

class PagesAheadTest {

    /** raw-log as pages of two lines, "line 0" to "line 4", ids in order. */
    private static final List<RebuildPage.RawLine> RAW_LOG = new ArrayList<>();

    static {
        for (int i = 0; i < 5; i++) {
            String log = "line " + i;
            RAW_LOG.add(new RebuildPage.RawLine(LineId.of(log.getBytes(StandardCharsets.UTF_8)), log, 1, null));
        }
        RAW_LOG.sort((a, b) -> a.id().compareTo(b.id()));
    }

    private final List<String> asked = new CopyOnWriteArrayList<>();

    private List<RebuildPage.RawLine> page(String after) {
        asked.add(after);
        return RAW_LOG.stream().filter(line -> line.id().compareTo(after) > 0).limit(2).toList();
    }

    private static MappedLine<CleanRow> rejectEverything(byte[] line) {
        return new MappedLine.Rejected<>("parsed " + new String(line, StandardCharsets.UTF_8));
    }

    @Test
    void pagesComeInOrderEachMappedAndEndWithAnEmptyOne() throws Exception {
        List<String> seen = new ArrayList<>();
        try (PagesAhead pages = new PagesAhead(this::page, PagesAheadTest::rejectEverything, "")) {
            List<PagesAhead.ParsedLine> page;
            while (!(page = pages.next()).isEmpty()) {
                for (PagesAhead.ParsedLine line : page) {
                    seen.add(line.raw().log());
                    assertEquals("parsed " + line.raw().log(), ((MappedLine.Rejected<CleanRow>) line.now()).reason());
                }
            }
        }
        assertEquals(RAW_LOG.stream().map(RebuildPage.RawLine::log).toList(), seen);
        assertEquals(List.of("", RAW_LOG.get(1).id(), RAW_LOG.get(3).id(), RAW_LOG.get(4).id()), asked);
    }

    @Test
    void aLineWhoseTextIsNotItsBytesIsRejectedAsInvalidUtf8() throws Exception {
        RebuildPage.RawLine mangled = new RebuildPage.RawLine(LineId.of(new byte[] {(byte) 0xff}), "\ufffd", 1, null);
        try (PagesAhead pages = new PagesAhead(after -> after.isEmpty() ? List.of(mangled) : List.of(),
                line -> new MappedLine.Row<>(null), "")) {
            MappedLine<CleanRow> now = pages.next().get(0).now();
            assertEquals("line is not valid UTF-8", assertInstanceOf(MappedLine.Rejected.class, now).reason());
        }
    }

    @Test
    void whatFailsWhileReadingIsThrownToTheWriterAfterThePagesBeforeIt() throws Exception {
        IllegalStateException failure = new IllegalStateException("database gone");
        try (PagesAhead pages = new PagesAhead(after -> {
            if (!after.isEmpty()) {
                throw failure;
            }
            return page(after);
        }, PagesAheadTest::rejectEverything, "")) {
            assertEquals(2, pages.next().size());
            assertSame(failure, assertThrows(IllegalStateException.class, pages::next));
        }
    }

    @Test
    void closingWhileTheReaderWaitsToHandOverAPageEndsIt() {
        assertTimeoutPreemptively(Duration.ofSeconds(10), () -> {
            PagesAhead pages = new PagesAhead(this::page, PagesAheadTest::rejectEverything, "");
            pages.next();
            Thread.sleep(200); // the reader has filled the queue and waits for room
            pages.close();
            assertTrue(asked.size() <= 4, "read ahead at most the queue's pages and the one it holds");
        });
    }

    @Test
    void closingWhileTheReaderWaitsToHandOverAFailureEndsIt() {
        assertTimeoutPreemptively(Duration.ofSeconds(10), () -> {
            PagesAhead pages = new PagesAhead(after -> {
                if (asked.size() >= 2) {
                    throw new IllegalStateException("gone");
                }
                return page(after);
            }, PagesAheadTest::rejectEverything, "");
            Thread.sleep(200);
            pages.close();
        });
    }
}
