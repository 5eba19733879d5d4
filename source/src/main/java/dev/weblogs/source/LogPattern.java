package dev.weblogs.source;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.PathMatcher;
import java.util.List;
import java.util.stream.Stream;

/**
 * One entry of the logs to ship: a path, a glob ({@code /var/log/nginx/*access.log}, {@code access.log*},
 * {@code logs/**}{@code /*.log}; Java's glob syntax), or {@code -} for standard input.
 */
public record LogPattern(String text) {

    public static final String STANDARD_INPUT = "-";

    public boolean isStandardInput() {
        return text.equals(STANDARD_INPUT);
    }

    public boolean isGlob() {
        return hasGlobCharacters(text);
    }

    /** The regular files it names now, in name order; none when nothing matches (yet). */
    public List<Path> files() throws IOException {
        Path pattern = Path.of(text);
        if (!isGlob()) {
            return Files.isRegularFile(pattern) ? List.of(pattern) : List.of();
        }
        Path base = pattern.isAbsolute() ? pattern.getRoot() : Path.of("");
        int fixed = 0;
        while (fixed < pattern.getNameCount() && !hasGlobCharacters(pattern.getName(fixed).toString())) {
            base = base.resolve(pattern.getName(fixed));
            fixed++;
        }
        if (!Files.isDirectory(base)) {
            return List.of();
        }
        int depth = text.contains("**") ? Integer.MAX_VALUE : pattern.getNameCount() - fixed;
        PathMatcher matcher = FileSystems.getDefault().getPathMatcher("glob:" + pattern);
        try (Stream<Path> found = Files.walk(base, depth)) {
            return found.filter(matcher::matches).filter(Files::isRegularFile).sorted().toList();
        } catch (UncheckedIOException e) {
            if (e.getCause() instanceof NoSuchFileException) {
                return List.of(); // a folder went away while it was listed: the next look sees what is there
            }
            throw e.getCause();
        }
    }

    private static boolean hasGlobCharacters(String text) {
        return text.chars().anyMatch(c -> c == '*' || c == '?' || c == '[' || c == '{');
    }

    @Override
    public String toString() {
        return text;
    }
}
