package dev.weblogs.cli;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/** A password kept in a file, as Docker secrets are: its first line, without the line end. */
final class SecretFile {

    private SecretFile() {
    }

    /** @param option the option that named the file, for the error */
    static String read(Path file, String option) {
        try {
            String content = Files.readString(file, StandardCharsets.UTF_8);
            int end = content.indexOf('\n');
            String line = end < 0 ? content : content.substring(0, end);
            return line.endsWith("\r") ? line.substring(0, line.length() - 1) : line;
        } catch (IOException e) {
            throw new SettingException(option, file + " cannot be read ("
                    + (e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage()) + ")");
        }
    }
}
