package dev.weblogs.store;

import com.fasterxml.jackson.annotation.JsonAutoDetect;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.PropertyAccessor;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectWriter;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A {@code clean-log} row as one JSON object: its fields under their column names (the same snake_case
 * derivation as the table's), numbers as numbers, unknown values as {@code null}.
 */
public final class CleanLogJson {

    private static final ObjectMapper MAPPER = JsonMapper.builder()
            .addModule(new JavaTimeModule())
            .propertyNamingStrategy(PropertyNamingStrategies.SNAKE_CASE)
            .visibility(PropertyAccessor.ALL, JsonAutoDetect.Visibility.NONE)
            .visibility(PropertyAccessor.FIELD, JsonAutoDetect.Visibility.ANY)
            .serializationInclusion(JsonInclude.Include.ALWAYS)
            .enable(JsonGenerator.Feature.WRITE_BIGDECIMAL_AS_PLAIN)
            .build();

    private static final ObjectWriter WRITER = MAPPER.writer();

    private CleanLogJson() {
    }

    public static String of(CleanLog row) {
        try {
            return WRITER.writeValueAsString(row);
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException("a clean-log row always serialises", e);
        }
    }

    /** {@code {"error": reason, "line": line}} for a line that is not a row. */
    public static String ofRejected(String reason, String line) {
        Map<String, String> rejected = new LinkedHashMap<>();
        rejected.put("error", reason);
        rejected.put("line", line);
        try {
            return WRITER.writeValueAsString(rejected);
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException("strings always serialise", e);
        }
    }
}
