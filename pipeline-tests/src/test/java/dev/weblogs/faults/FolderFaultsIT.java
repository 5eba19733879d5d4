package dev.weblogs.faults;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.Test;

/** A folder of logs shipped by one producer: a glob, compressed history, and standard input. */
class FolderFaultsIT extends FaultHarness {

    private static final Pattern TOTAL = Pattern.compile("published (\\d+) lines of (\\d+) logs");

    @Test
    void growingFilesUnderAGlobANewOneBothRotationsAndAKill() throws Exception {
        Path logs = Files.createDirectories(dir.resolve("nginx"));
        List<Path> sites = List.of(logs.resolve("shop.access.log"), logs.resolve("api.access.log"),
                logs.resolve("blog.access.log"));
        for (Path site : sites) {
            lines.append(site, 2_000, 50, 0);
        }
        Map<String, String> env = env();
        env.put("LOG_FILE", logs.resolve("*.access.log").toString());
        ProgramProcess lake = start("consumer-data-lake", env);
        ProgramProcess clean = start("consumer-data-clean", env);
        ProgramProcess producer = start("logs-producer", env, "--follow");
        awaitCount("raw-log", 3_000);

        Path added = logs.resolve("new.access.log");
        for (int round = 0; round < 10; round++) {
            for (Path site : sites) {
                lines.append(site, 200, 50, 0);
            }
            if (round == 2) {
                lines.append(added, 1_000, 50, 0); // a new site: picked up without a restart
            }
            if (round == 4) {
                Path rotated = logs.resolve("shop.access.log.1");
                Files.move(sites.get(0), rotated);
                lines.append(rotated, 300, 50, 0); // written before the server reopens its log
            }
            if (round == 6) {
                Files.copy(sites.get(1), logs.resolve("api.access.log.1"), StandardCopyOption.REPLACE_EXISTING);
                try (FileChannel channel = FileChannel.open(sites.get(1), StandardOpenOption.WRITE)) {
                    channel.truncate(0);
                }
                Thread.sleep(1_000);
            }
            if (round == 7) {
                producer.kill();
            }
            Thread.sleep(200);
        }
        ProgramProcess again = start("logs-producer", env, "--follow");
        lines.append(added, 500, 50, 0);
        assertTablesComplete();
        assertEquals(0, again.terminate(Duration.ofSeconds(30)), again.output());
        String output = producer.output() + again.output();
        assertTrue(output.contains("shop.access.log was rotated"), output);
        assertTrue(output.contains("api.access.log was truncated"), output);
        assertTrue(lake.isAlive() && clean.isAlive(), outputs());
    }

    @Test
    void historyIsShippedOnceAcrossRotationAndCompression() throws Exception {
        Path two = dir.resolve("access.log.2");
        Path one = dir.resolve("access.log.1");
        lines.append(two, 1_000, 50, 0);
        gzip(two);
        lines.append(one, 1_000, 50, 0);
        lines.append(log, 1_000, 50, 0);
        Map<String, String> env = env();
        env.put("LOG_FILE", dir.resolve("access.log*").toString());
        start("consumer-data-lake", env);
        start("consumer-data-clean", env);
        ProgramProcess first = start("logs-producer", env);
        assertEquals(0, first.exitStatus(DRAIN), first.output());
        assertEquals(lines.lines(), published(first, 3), first.output());
        assertTablesComplete();

        // logrotate: the oldest moves on, .1 is compressed, the log becomes .1 (and gets a last few lines).
        int before = lines.lines();
        Files.move(dir.resolve("access.log.2.gz"), dir.resolve("access.log.3.gz"));
        Files.move(one, two);
        gzip(two);
        Files.move(log, one);
        lines.append(one, 200, 50, 0);
        lines.append(log, 500, 50, 0);
        ProgramProcess second = start("logs-producer", env);
        assertEquals(0, second.exitStatus(DRAIN), second.output());
        assertEquals(lines.lines() - before, published(second, 4), "only the new lines\n" + second.output());
        assertTablesComplete();
    }

    @Test
    void standardInputLandsWhole() throws Exception {
        Path piped = dir.resolve("piped.log");
        lines.append(piped, 3_000, 50, 0);
        Map<String, String> env = env();
        env.put("LOG_FILE", "-");
        start("consumer-data-lake", env);
        start("consumer-data-clean", env);
        ProgramProcess producer = startWithInput("logs-producer", env, piped);
        assertEquals(0, producer.exitStatus(DRAIN), producer.output());
        assertTrue(producer.output().contains("published " + lines.lines() + " lines of standard input"),
                producer.output());
        assertTrue(producer.output().contains("no checkpoint"), producer.output());
        assertTablesComplete();
    }

    /** The lines a run says it published in all, checking it shipped {@code logs} logs. */
    private static long published(ProgramProcess producer, int logs) {
        Matcher total = TOTAL.matcher(producer.output());
        assertTrue(total.find(), producer.output());
        assertEquals(logs, Integer.parseInt(total.group(2)), producer.output());
        return Long.parseLong(total.group(1));
    }

    /** {@code file} compressed as logrotate does: {@code file.gz} in its place. */
    private static void gzip(Path file) throws IOException {
        try (InputStream in = Files.newInputStream(file);
             OutputStream out = new GZIPOutputStream(Files.newOutputStream(file.resolveSibling(file.getFileName()
                     + ".gz")))) {
            in.transferTo(out);
        }
        Files.delete(file);
    }
}
