package dev.weblogs.source;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LogPatternTest {

    @TempDir
    Path dir;

    @Test
    void aGlobNamesTheMatchingFilesInNameOrderAndNoFolder() throws Exception {
        Path nginx = Files.createDirectories(dir.resolve("nginx"));
        for (String name : List.of("shop.access.log", "api.access.log", "api.access.log.1", "error.log")) {
            Files.writeString(nginx.resolve(name), "x\n");
        }
        Files.createDirectories(nginx.resolve("old.access.log"));
        assertEquals(List.of(nginx.resolve("api.access.log"), nginx.resolve("shop.access.log")),
                new LogPattern(nginx + "/*access.log").files());
        assertEquals(List.of(nginx.resolve("api.access.log"), nginx.resolve("api.access.log.1")),
                new LogPattern(nginx + "/api.access.log*").files());
    }

    @Test
    void globsReachIntoFoldersAndWorkRelativeToo() throws Exception {
        Path site = Files.createDirectories(dir.resolve("sites/shop"));
        Files.writeString(site.resolve("access.log"), "x\n");
        assertEquals(List.of(site.resolve("access.log")), new LogPattern(dir + "/sites/*/access.log").files());
        assertEquals(List.of(site.resolve("access.log")), new LogPattern(dir + "/**/access.log").files());
        Path relative = Path.of("").toAbsolutePath().relativize(site.resolve("access.log"));
        assertEquals(List.of(relative), new LogPattern(relative.toString().replace("access", "acc?ss")).files());
    }

    @Test
    void aPathIsItsFileAndNothingWhenMissing() throws Exception {
        Path log = Files.writeString(dir.resolve("access.log"), "x\n");
        assertFalse(new LogPattern(log.toString()).isGlob());
        assertEquals(List.of(log), new LogPattern(log.toString()).files());
        assertEquals(List.of(), new LogPattern(dir.resolve("missing.log").toString()).files());
        assertEquals(List.of(), new LogPattern(dir + "/missing/*.log").files());
        assertTrue(new LogPattern("-").isStandardInput());
    }
}
