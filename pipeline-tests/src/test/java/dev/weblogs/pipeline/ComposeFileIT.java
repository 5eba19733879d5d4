package dev.weblogs.pipeline;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * The compose file as Docker Compose reads it. No Docker engine runs where the tests run, so this checks
 * the file ({@code docker-compose config} needs no engine), not the running stack.
 */
class ComposeFileIT {

    private static final Path PROJECT = Path.of("..").toAbsolutePath().normalize();

    @Test
    void everyServiceHasAHealthcheckAndWaitsForHealthyDependencies() throws Exception {
        JsonNode config = new ObjectMapper(new YAMLFactory()).readTree(compose("config"));
        JsonNode services = config.get("services");
        Set<String> names = new TreeSet<>();
        services.fieldNames().forEachRemaining(names::add);
        assertEquals(Set.of("rabbitmq", "mysql", "phpmyadmin", "logs-producer", "consumer-data-lake",
                "consumer-data-clean"), names);
        for (String name : names) {
            JsonNode service = services.get(name);
            assertTrue(service.has("healthcheck"), name + " has a healthcheck");
            JsonNode dependsOn = service.path("depends_on");
            dependsOn.fieldNames().forEachRemaining(dependency -> assertEquals("service_healthy",
                    dependsOn.get(dependency).path("condition").asText(), name + " waits for " + dependency));
        }
        for (String app : List.of("logs-producer", "consumer-data-lake", "consumer-data-clean")) {
            JsonNode service = services.get(app);
            assertEquals(PROJECT.toString(), service.path("build").path("context").asText(), app + " is built here");
            assertEquals(app + ".jar", service.path("command").get(0).asText());
            assertTrue(service.path("environment").path("RABBITMQ_URI").asText().contains("@rabbitmq:5672"));
            assertTrue(service.path("environment").path("DB_URL").asText().startsWith("jdbc:mysql://mysql:3306/"));
            assertTrue(service.has("ports"), app + " publishes its metrics port");
        }
        assertEquals(Set.of("rabbitmq", "mysql"), fieldNames(services.get("consumer-data-clean").get("depends_on")));
        assertEquals("data/web-server-nginx.log", services.get("logs-producer").path("command").get(2).asText());
        assertTrue(Files.exists(PROJECT.resolve("data/web-server-nginx.log")), "the sample the stack loads");
    }

    @Test
    void settingsInDotEnvReachTheServices() throws Exception {
        Path env = Files.createTempFile("compose", ".env");
        Files.writeString(env, "MYSQL_ROOT_PASSWORD=s3cret\nBATCH_SIZE=250\nPHPMYADMIN_PORT=8181\n");
        try {
            JsonNode config = new ObjectMapper(new YAMLFactory()).readTree(compose("--env-file", env.toString(),
                    "config"));
            JsonNode lake = config.get("services").get("consumer-data-lake");
            assertEquals("s3cret", lake.path("environment").path("DB_PASSWORD").asText());
            assertEquals("250", lake.path("environment").path("BATCH_SIZE").asText());
            assertEquals(8181, config.get("services").get("phpmyadmin").path("ports").get(0).path("published").asInt());
        } finally {
            Files.delete(env);
        }
    }

    private static Set<String> fieldNames(JsonNode node) {
        Set<String> names = new TreeSet<>();
        node.fieldNames().forEachRemaining(names::add);
        return names;
    }

    /** Runs Debian's docker-compose (v1, which needs no engine for {@code config}) on the project's file. */
    private static String compose(String... args) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of("docker-compose", "--project-directory", PROJECT.toString(),
                "-f", PROJECT.resolve("docker-compose.yml").toString()));
        command.addAll(List.of(args));
        Process process;
        try {
            process = new ProcessBuilder(command).redirectErrorStream(false).start();
        } catch (IOException e) {
            throw new IOException("docker-compose is not installed (apt-get install docker-compose): " + e.getMessage(), e);
        }
        String out = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        String err = new String(process.getErrorStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(process.waitFor(60, TimeUnit.SECONDS));
        assertEquals(0, process.exitValue(), "docker-compose " + String.join(" ", args) + ": " + err);
        return out;
    }
}
