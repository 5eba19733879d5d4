package dev.weblogs.producer;

import dev.weblogs.cli.SettingException;
import dev.weblogs.source.LogPattern;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** The entries of {@code --log-file}, checked before anything is published. */
final class LogFileOption {

    private static final String OPTION = "--log-file";

    private LogFileOption() {
    }

    /**
     * The patterns of {@code entries}. A path must name a readable file; a glob that matches nothing is an error,
     * or under {@code follow} a warning on {@code err} (a file may appear later).
     */
    static List<LogPattern> patterns(List<String> entries, boolean follow, PrintStream err) throws IOException {
        List<LogPattern> patterns = new ArrayList<>();
        for (String entry : entries) {
            String text = entry.strip();
            if (!text.isEmpty()) {
                patterns.add(new LogPattern(text));
            }
        }
        if (patterns.isEmpty()) {
            throw new SettingException(OPTION, "names no log");
        }
        if (patterns.stream().filter(LogPattern::isStandardInput).count() > 1) {
            throw new SettingException(OPTION, "names standard input (-) more than once");
        }
        for (LogPattern pattern : patterns) {
            if (pattern.isGlob() && pattern.files().isEmpty()) {
                if (!follow) {
                    throw new SettingException(OPTION, "'" + pattern + "' matches no file");
                }
                err.println("logs-producer: " + OPTION + ": '" + pattern + "' matches no file yet: waiting for one");
            } else if (!pattern.isGlob() && !pattern.isStandardInput()) {
                checkReadable(Path.of(pattern.text()));
            }
        }
        return patterns;
    }

    /** What the progress display calls the run: the file's name when there is one. */
    static String task(List<LogPattern> patterns) {
        if (patterns.size() == 1 && !patterns.get(0).isGlob()) {
            LogPattern only = patterns.get(0);
            return only.isStandardInput() ? "stdin" : String.valueOf(Path.of(only.text()).getFileName());
        }
        return "logs";
    }

    private static void checkReadable(Path path) {
        if (!Files.exists(path)) {
            throw new SettingException(OPTION, path + " does not exist");
        }
        if (Files.isDirectory(path)) {
            throw new SettingException(OPTION, path + " is a folder: name its logs, such as '" + path.resolve("*.log")
                    + "'");
        }
        if (!Files.isReadable(path)) {
            throw new SettingException(OPTION, path + " is not a readable file");
        }
    }
}
