package dev.weblogs.store;

import dev.weblogs.row.CleanRow;
import dev.weblogs.row.LineId;
import dev.weblogs.transform.LineMapper;
import dev.weblogs.transform.MappedLine;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.function.Function;

/**
 * The pages of a rebuild, read from raw-log and parsed on a thread of their own up to {@value #AHEAD} pages
 * ahead of the one being written: the database stores a page while the next is read and parsed, where one
 * thread would leave one of them idle. Pages come in id order and end with an empty one; what fails on the
 * reading thread is thrown by {@link #next}.
 */
final class PagesAhead implements AutoCloseable {

    /** A raw-log line, and what the consumer's mapper makes of it today. */
    record ParsedLine(RebuildPage.RawLine raw, MappedLine<CleanRow> now) {
    }

    private static final int AHEAD = 2;

    /** Each a {@code List<ParsedLine>}, or the {@link RuntimeException} that ended the reading. */
    private final BlockingQueue<Object> pages = new ArrayBlockingQueue<>(AHEAD);
    private final Function<String, List<RebuildPage.RawLine>> read;
    private final LineMapper<CleanRow> mapper;
    private final Thread thread;

    /**
     * @param read  the page of raw-log lines after an id
     * @param after where the first page starts
     */
    PagesAhead(Function<String, List<RebuildPage.RawLine>> read, LineMapper<CleanRow> mapper, String after) {
        this.read = read;
        this.mapper = mapper;
        this.thread = new Thread(() -> readFrom(after), "rebuild-reader");
        thread.setDaemon(true);
        thread.start();
    }

    /** The next page, waiting for it; empty at the end. */
    @SuppressWarnings("unchecked")
    List<ParsedLine> next() throws InterruptedException {
        Object page = pages.take();
        if (page instanceof RuntimeException failure) {
            throw failure;
        }
        return (List<ParsedLine>) page;
    }

    private void readFrom(String after) {
        try {
            String from = after;
            while (true) {
                List<RebuildPage.RawLine> raw = read.apply(from);
                List<ParsedLine> page = new ArrayList<>(raw.size());
                for (RebuildPage.RawLine line : raw) {
                    page.add(new ParsedLine(line, map(line)));
                }
                pages.put(page);
                if (raw.isEmpty()) {
                    return;
                }
                from = raw.get(raw.size() - 1).id();
            }
        } catch (InterruptedException e) {
            // closed: the writer wants no more pages
        } catch (RuntimeException e) {
            try {
                pages.put(e);
            } catch (InterruptedException closed) {
                // the writer stopped first and will not ask
            }
        }
    }

    /** What the consumer's mapper makes of the line; a line whose text is not its bytes was not valid UTF-8. */
    private MappedLine<CleanRow> map(RebuildPage.RawLine line) {
        byte[] bytes = line.log().getBytes(StandardCharsets.UTF_8);
        if (!LineId.of(bytes).equals(line.id())) {
            return new MappedLine.Rejected<>("line is not valid UTF-8");
        }
        return mapper.map(bytes);
    }

    /**
     * Stops the reading thread and waits for it: it may be in the middle of a query, or waiting to hand over a
     * page or a failure, which the emptied queue then takes.
     */
    @Override
    public void close() throws InterruptedException {
        thread.interrupt();
        while (thread.isAlive()) {
            pages.clear();
            thread.join(100);
        }
    }
}
