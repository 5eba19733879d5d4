package dev.weblogs.pipeline;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The compose file as Docker Compose reads it. No Docker engine runs where the tests run, so this checks the
 * file ({@code docker-compose config} needs no engine) and the files it mounts, not the running stack.
 *
 * <p>Every run uses an env file of its own (never the developer's {@code .env}) and secrets made here, in a
 * temporary folder, so that the test can tell that none of them is printed.
 */
class ComposeFileIT {

    private static final Path PROJECT = Path.of("..").toAbsolutePath().normalize();
    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());

    private static final Set<String> DEFAULT_SERVICES = Set.of("pipeline-image", "rabbitmq", "mysql", "phpmyadmin",
            "logs-producer", "consumer-data-lake", "consumer-data-clean", "dashboard");
    private static final Set<String> CLUSTER_NODES = Set.of("rabbitmq-2", "rabbitmq-3");
    private static final List<String> PROGRAMS = List.of("logs-producer", "consumer-data-lake", "consumer-data-clean",
            "dashboard");
    private static final List<String> CONSUMERS = List.of("consumer-data-lake", "consumer-data-clean");
    private static final List<String> BROKERS = List.of("rabbitmq", "rabbitmq-2", "rabbitmq-3");
    private static final Set<String> SECRETS = Set.of("mysql-root-password", "db-password", "db-reader-password",
            "rabbitmq-admin-password", "rabbitmq-producer-password", "rabbitmq-lake-password",
            "rabbitmq-clean-password", "rabbitmq-erlang-cookie");

    /** The pipeline's exchanges and queues in its vhost, and names that are not the pipeline's. */
    private static final List<String> RESOURCES = List.of("topic-exchange-logs", "dead-letter-exchange-logs",
            "queue-data-lake", "queue-data-clean", "queue-data-lake-dead-letter");
    private static final List<String> OTHER_RESOURCES = List.of("", "amq.default", "amq.topic", "queue-data-lake-x",
            "xqueue-data-clean", "queue-data-clean-dead-letter", "topic-exchange-logs2");

    @TempDir
    static Path secretsDir;
    private static final Map<String, String> secretValues = new LinkedHashMap<>();
    private static String configText;
    private static String clusterText;
    /** The default stack. */
    private static JsonNode services;
    /** With the cluster profile. */
    private static JsonNode clusterServices;

    @BeforeAll
    static void readTheComposeFileWithSecretsMadeHere() throws Exception {
        for (String secret : SECRETS) {
            String value = "s3cret" + UUID.randomUUID().toString().replace("-", "");
            secretValues.put(secret, value);
            Files.writeString(secretsDir.resolve(secret + ".txt"), value + "\n");
        }
        configText = compose(Map.of(), "config");
        clusterText = compose(Map.of(), "--profile", "cluster", "config");
        services = YAML.readTree(configText).get("services");
        clusterServices = YAML.readTree(clusterText).get("services");
    }

    // --- the shape of the stack --------------------------------------------------------------------------------

    @Test
    void everyServiceHasAHealthcheckAndWaitsForWhatItNeeds() {
        assertEquals(DEFAULT_SERVICES, defaultServiceNames(services));
        Set<String> all = new TreeSet<>(DEFAULT_SERVICES);
        all.addAll(CLUSTER_NODES);
        assertEquals(all, fieldNames(clusterServices));
        for (String name : fieldNames(clusterServices)) {
            JsonNode service = clusterServices.get(name);
            if (!name.equals("pipeline-image")) {
                assertTrue(service.has("healthcheck"), name + " has a healthcheck");
                assertFalse(service.path("healthcheck").path("disable").asBoolean(), name + "'s healthcheck is on");
            }
            JsonNode dependsOn = service.path("depends_on");
            for (String dependency : fieldNames(dependsOn)) {
                String condition = dependsOn.get(dependency).path("condition").asText();
                String expected = dependency.equals("pipeline-image") ? "service_completed_successfully"
                        : name.startsWith("rabbitmq-") ? "service_started" : "service_healthy";
                assertEquals(expected, condition, name + " waits for " + dependency);
            }
        }
        assertEquals(Set.of("pipeline-image", "rabbitmq", "mysql"), fieldNames(services.get("consumer-data-lake")
                .get("depends_on")));
        assertEquals(Set.of("pipeline-image", "rabbitmq", "mysql"), fieldNames(services.get("consumer-data-clean")
                .get("depends_on")));
        assertEquals(Set.of("pipeline-image", "rabbitmq", "consumer-data-lake", "consumer-data-clean"),
                fieldNames(services.get("logs-producer").get("depends_on")));
        assertEquals(Set.of("mysql"), fieldNames(services.get("phpmyadmin").get("depends_on")));
    }

    @Test
    void theImageIsBuiltByOneServiceAndUsedByTheOthers() {
        List<String> builders = new ArrayList<>();
        for (String name : fieldNames(clusterServices)) {
            if (clusterServices.get(name).has("build")) {
                builders.add(name);
            }
        }
        assertEquals(List.of("pipeline-image"), builders, "exactly one service builds: no parallel builds onto one tag");
        JsonNode builder = services.get("pipeline-image");
        assertEquals(PROJECT.toString(), builder.path("build").path("context").asText(), "built from this repository");
        String image = builder.path("image").asText();
        assertFalse(image.isEmpty(), "the build is tagged");
        assertEquals("no", builder.path("restart").asText("no"), "the image service only runs --version once");
        for (String program : PROGRAMS) {
            JsonNode service = services.get(program);
            assertEquals(image, service.path("image").asText(), program + " runs the built image");
            assertEquals(program + ".jar", service.path("command").get(0).asText(), program + "'s jar");
            assertEquals("never", service.path("pull_policy").asText(), program + " never pulls an image built here");
        }
    }

    @Test
    void dockerfileDownloadsTheDependenciesBeforeItCopiesTheSources() throws IOException {
        List<String> lines = Files.readAllLines(PROJECT.resolve("Dockerfile"));
        int firstMaven = -1;
        int firstSources = -1;
        Set<String> pomsCopied = new TreeSet<>();
        for (int i = 0; i < lines.size(); i++) {
            String line = lines.get(i).trim();
            if (line.startsWith("FROM ") && firstMaven >= 0) {
                break;
            }
            Matcher pom = Pattern.compile("^COPY (?:--\\S+ )*(\\S*pom\\.xml) ").matcher(line);
            if (pom.find()) {
                pomsCopied.add(pom.group(1));
            }
            if (line.startsWith("RUN ") && line.contains("mvn") && firstMaven < 0) {
                firstMaven = i;
            }
            if (line.matches("^COPY (--\\S+ )*\\S+/src .*") && firstSources < 0) {
                firstSources = i;
            }
        }
        assertTrue(firstMaven >= 0 && firstSources > firstMaven,
                "a layer with the dependencies comes from the poms alone, before the sources are copied");
        Set<String> modulePoms = new TreeSet<>(Set.of("pom.xml"));
        Matcher module = Pattern.compile("<module>([^<]+)</module>")
                .matcher(Files.readString(PROJECT.resolve("pom.xml")));
        while (module.find()) {
            modulePoms.add(module.group(1) + "/pom.xml");
        }
        modulePoms.add("dashboard/pom.xml");
        for (String pom : modulePoms) {
            assertTrue(pomsCopied.contains(pom) || pomsCopied.contains("./" + pom), "the Dockerfile copies " + pom);
        }
        String dockerfile = String.join("\n", lines);
        for (String program : PROGRAMS) {
            assertTrue(dockerfile.contains(program + "/target/" + program + ".jar"), "the image holds " + program + ".jar");
        }
    }

    // --- data that survives, and settings that reach the programs ----------------------------------------------

    @Test
    void everyBrokerHasAFixedHostnameAndANamedVolumeForItsData() {
        for (String broker : BROKERS) {
            JsonNode service = clusterServices.get(broker);
            assertEquals(broker, service.path("hostname").asText(),
                    broker + ": a fixed host name, so that its data (mnesia/rabbit@<hostname>) is found again");
            assertTrue(mounts(service).stream().anyMatch(m -> m.target().equals("/var/lib/rabbitmq")
                    && m.type().equals("volume") && !m.source().isEmpty()), broker + " keeps its data in a named volume");
        }
        for (String consumer : CONSUMERS) {
            assertFalse(clusterServices.get(consumer).has("container_name"), consumer + " can be scaled");
            assertFalse(clusterServices.get(consumer).has("hostname"), consumer + " can be scaled");
        }
    }

    @Test
    void settingsInDotEnvReachTheServices() throws Exception {
        Map<String, String> settings = new LinkedHashMap<>();
        settings.put("BATCH_SIZE", "250");
        settings.put("FLUSH_INTERVAL_MS", "75");
        settings.put("PREFETCH", "900");
        settings.put("DB_POOL_SIZE", "3");
        settings.put("CONFIRM_WINDOW", "5000");
        settings.put("STARTUP_TIMEOUT", "45");
        settings.put("VERBOSE", "true");
        settings.put("FOLLOW", "true");
        settings.put("FROM_START", "true");
        settings.put("GEOIP_DATABASE", "geoip/GeoLite2-City.mmdb");
        settings.put("PHPMYADMIN_PORT", "8181");
        settings.put("RABBITMQ_PORT", "5673");
        settings.put("RABBITMQ_UI_PORT", "15673");
        settings.put("MYSQL_PORT", "3307");
        settings.put("DASHBOARD_PORT", "8001");
        settings.put("LAKE_METRICS_PORTS", "9501-9503");
        settings.put("CLEAN_METRICS_PORTS", "9511-9513");
        settings.put("MYSQL_DATABASE", "weblogs2");
        JsonNode configured = YAML.readTree(compose(settings, "config")).get("services");

        for (String consumer : CONSUMERS) {
            JsonNode environment = configured.get(consumer).path("environment");
            for (String name : List.of("BATCH_SIZE", "FLUSH_INTERVAL_MS", "PREFETCH", "DB_POOL_SIZE", "STARTUP_TIMEOUT",
                    "VERBOSE")) {
                assertEquals(settings.get(name), environment.path(name).asText(), consumer + " " + name);
            }
            assertTrue(environment.path("DB_URL").asText().startsWith("jdbc:mysql://mysql:3306/weblogs2"),
                    consumer + " writes to MYSQL_DATABASE");
        }
        assertEquals("geoip/GeoLite2-City.mmdb", env(configured, "consumer-data-clean", "GEOIP_DATABASE"));
        for (String name : List.of("CONFIRM_WINDOW", "STARTUP_TIMEOUT", "VERBOSE", "FOLLOW", "FROM_START")) {
            assertEquals(settings.get(name), env(configured, "logs-producer", name), "logs-producer " + name);
        }
        assertEquals("3", env(configured, "dashboard", "DB_POOL_SIZE"));
        assertTrue(env(configured, "dashboard", "DB_URL").startsWith("jdbc:mysql://mysql:3306/weblogs2"));
        assertEquals("weblogs2", env(configured, "mysql", "MYSQL_DATABASE"));

        assertEquals("8181", published(configured, "phpmyadmin", 80));
        assertEquals("5673", published(configured, "rabbitmq", 5672));
        assertEquals("15673", published(configured, "rabbitmq", 15672));
        assertEquals("3307", published(configured, "mysql", 3306));
        assertEquals("8001", published(configured, "dashboard", 8000));
        assertEquals("9501-9503", published(configured, "consumer-data-lake", 9400));
        assertEquals("9511-9513", published(configured, "consumer-data-clean", 9400));

        // Unset, a setting is empty, which the programs read as their own default.
        for (String consumer : CONSUMERS) {
            assertEquals("", env(services, consumer, "BATCH_SIZE"), consumer + " BATCH_SIZE default");
        }
        assertEquals("", env(services, "consumer-data-clean", "GEOIP_DATABASE"), "empty: the bundled GeoLite2");
    }

    @Test
    void theProducerPublishesTheLogOfAMountedFolderAndPublishesNoPort() {
        JsonNode producer = services.get("logs-producer");
        assertFalse(producer.has("ports"), "nothing answers on the producer's port once it has exited");
        assertEquals("no", producer.path("restart").asText(), "it exits 0 once the sample is published");
        String logFile = env(services, "logs-producer", "LOG_FILE");
        Mount logs = mounts(producer).stream().filter(m -> logFile.startsWith(m.target() + "/")).findFirst()
                .orElseThrow(() -> new AssertionError("LOG_FILE " + logFile + " is in a mounted folder"));
        assertTrue(logs.readOnly(), "the log folder is mounted read-only");
        assertEquals(PROJECT.resolve("data").toString(), logs.source(), "by default the repository's sample");
        assertTrue(Files.exists(PROJECT.resolve("data").resolve(logFile.substring(logs.target().length() + 1))),
                "the sample the stack loads");
        assertTrue(mounts(producer).stream().anyMatch(m -> m.target().equals("/app/.state") && m.type().equals("volume")),
                "the producer's position survives a down/up");
    }

    @Test
    void theGeoIpFolderIsMountedReadOnlyIntoTheCleanConsumer() {
        JsonNode clean = services.get("consumer-data-clean");
        assertTrue(mounts(clean).stream().anyMatch(m -> m.source().equals(PROJECT.resolve("geoip").toString())
                && m.target().equals("/app/geoip") && m.readOnly()),
                "geoip/ at /app/geoip, where GEOIP_DATABASE=geoip/GeoLite2-City.mmdb finds it (the working directory is /app)");
    }

    // --- least privilege ---------------------------------------------------------------------------------------

    @Test
    void everyPublishedPortIsBoundToLoopbackUnlessAskedOtherwise() throws Exception {
        int ports = 0;
        for (String name : fieldNames(clusterServices)) {
            for (Port port : ports(clusterServices.get(name))) {
                assertEquals("127.0.0.1", port.hostIp(), name + " publishes " + port + " on 127.0.0.1 only");
                ports++;
            }
        }
        assertTrue(ports >= 6, "the stack publishes its ports");
        JsonNode everywhere = YAML.readTree(compose(Map.of("BIND_ADDRESS", "0.0.0.0"), "config")).get("services");
        for (String name : fieldNames(everywhere)) {
            for (Port port : ports(everywhere.get(name))) {
                assertEquals("0.0.0.0", port.hostIp(), "BIND_ADDRESS publishes " + name + " more widely");
            }
        }
    }

    @Test
    void thePublishedPortsAreTheDocumentedOnesAndScaledServicesHaveARange() {
        assertEquals("5672", published(services, "rabbitmq", 5672));
        assertEquals("15672", published(services, "rabbitmq", 15672));
        assertEquals("3306", published(services, "mysql", 3306));
        assertEquals("8080", published(services, "phpmyadmin", 80));
        assertEquals("8000", published(services, "dashboard", 8000));
        for (String consumer : CONSUMERS) {
            String range = published(services, consumer, 9400);
            assertTrue(range.matches("\\d+-\\d+"), consumer + " publishes its metrics on a range of ports, one for each "
                    + "instance of --scale, not " + range);
        }
        for (String node : CLUSTER_NODES) {
            assertTrue(ports(clusterServices.get(node)).isEmpty(), node + " is reached inside the network only");
        }
    }

    @Test
    void theProgramsLogInAsTheirOwnUsersAndNoneAsRoot() throws IOException {
        assertEquals("weblogs", env(services, "consumer-data-lake", "DB_USER"));
        assertEquals("weblogs", env(services, "consumer-data-clean", "DB_USER"));
        assertEquals("weblogs_reader", env(services, "dashboard", "DB_USER"), "the dashboard only reads");
        for (String name : fieldNames(clusterServices)) {
            JsonNode environment = clusterServices.get(name).path("environment");
            assertFalse(environment.path("DB_USER").asText().equals("root"), name + " is not root");
            assertFalse(environment.has("RABBITMQ_DEFAULT_USER") || environment.has("RABBITMQ_DEFAULT_PASS"),
                    name + ": no default broker user");
            assertFalse(environment.has("MYSQL_USER") || environment.has("MYSQL_PASSWORD"),
                    name + ": the image's MYSQL_USER would get ALL on the database");
        }
        assertFalse(clusterText.contains("guest"), "no guest user anywhere");
        Map<String, String> brokerUsers = Map.of("logs-producer", "weblogs-producer", "consumer-data-lake", "weblogs-lake",
                "consumer-data-clean", "weblogs-clean");
        brokerUsers.forEach((program, user) -> {
            for (URI node : brokerNodes(services, program)) {
                assertEquals(user, node.getUserInfo(), program + " connects as " + user + ", with no password in the URI");
                assertEquals("/weblogs", node.getPath(), program + " works in the vhost weblogs");
            }
        });
        assertFalse(services.get("dashboard").path("environment").has("RABBITMQ_URI"), "the dashboard needs no broker");

        JsonNode phpMyAdmin = services.get("phpmyadmin").path("environment");
        assertEquals("mysql", phpMyAdmin.path("PMA_HOST").asText());
        assertFalse(phpMyAdmin.has("PMA_USER") || phpMyAdmin.has("PMA_PASSWORD"), "phpMyAdmin asks for a login");

        JsonNode mysql = services.get("mysql");
        assertEquals("/run/secrets/mysql-root-password", mysql.path("environment").path("MYSQL_ROOT_PASSWORD_FILE")
                .asText());
        Mount init = mounts(mysql).stream().filter(m -> m.target().startsWith("/docker-entrypoint-initdb.d"))
                .findFirst().orElseThrow(() -> new AssertionError("MySQL creates the pipeline's users at its first start"));
        assertTrue(init.readOnly());
        String initScript = read(init.source());
        assertTrue(initScript.replaceAll("\\s+", " ").contains(
                "GRANT SELECT, INSERT, UPDATE, DELETE, CREATE, ALTER, INDEX ON"), "the writing user's privileges");
        assertTrue(initScript.contains("GRANT SELECT ON"), "the reading user's privilege");
        assertFalse(initScript.matches("(?s).*GRANT ALL.*"), "no ALL");
    }

    @Test
    void eachBrokerUserMayDoExactlyWhatItsProgramDoes() throws IOException {
        JsonNode rabbitmq = services.get("rabbitmq");
        Mount folder = mounts(rabbitmq).stream().filter(m -> Files.exists(Path.of(m.source(), "definitions.json")))
                .findFirst().orElseThrow(() -> new AssertionError("the broker's users come from a definitions file"));
        JsonNode definitions = new ObjectMapper().readTree(Path.of(folder.source(), "definitions.json").toFile());
        assertEquals("weblogs", definitions.path("vhosts").get(0).path("name").asText());
        assertEquals(1, definitions.path("vhosts").size(), "one vhost, the pipeline's");
        Map<String, JsonNode> permissions = new LinkedHashMap<>();
        for (JsonNode permission : definitions.path("permissions")) {
            assertEquals("weblogs", permission.path("vhost").asText());
            permissions.put(permission.path("user").asText(), permission);
        }
        for (JsonNode user : definitions.path("users")) {
            assertTrue(user.path("password_hash").asText().matches("@[a-z-]+@"),
                    user.path("name").asText() + ": the hash is filled in from a secret at start, never written here");
        }
        // configure: declare; write: publish to an exchange, bind a queue; read: consume a queue, bind from an
        // exchange (RabbitMQ's access-control table). Every program declares and binds the whole topology.
        List<String> all = RESOURCES;
        List<String> queues = List.of("queue-data-lake", "queue-data-clean", "queue-data-lake-dead-letter");
        List<String> exchanges = List.of("topic-exchange-logs", "dead-letter-exchange-logs");
        expect(permissions, "weblogs-producer", all, plus(queues, "topic-exchange-logs"), exchanges);
        expect(permissions, "weblogs-lake", all, plus(queues, "dead-letter-exchange-logs"),
                plus(exchanges, "queue-data-lake"));
        expect(permissions, "weblogs-clean", all, queues, plus(exchanges, "queue-data-clean"));
        assertTrue(permissions.containsKey("weblogs-admin"), "an administrator for the management UI");
        Set<String> users = new TreeSet<>();
        definitions.path("users").forEach(u -> users.add(u.path("name").asText()));
        assertEquals(Set.of("weblogs-admin", "weblogs-producer", "weblogs-lake", "weblogs-clean"), users);
        for (JsonNode user : definitions.path("users")) {
            boolean admin = user.path("name").asText().equals("weblogs-admin");
            assertEquals(admin, user.path("tags").toString().contains("administrator"),
                    user.path("name").asText() + ": only the administrator may use the management UI");
        }
    }

    // --- secrets -----------------------------------------------------------------------------------------------

    @Test
    void everyPasswordComesFromASecretFileAndNoneIsPrinted() throws Exception {
        for (Map.Entry<String, String> secret : secretValues.entrySet()) {
            assertFalse(configText.contains(secret.getValue()), secret.getKey() + " is printed by config");
            assertFalse(clusterText.contains(secret.getValue()), secret.getKey() + " is printed by config");
        }
        JsonNode declared = YAML.readTree(clusterText).path("secrets");
        assertEquals(SECRETS, fieldNames(declared), "the stack's secrets");
        for (String secret : SECRETS) {
            assertEquals(secretsDir.resolve(secret + ".txt").toString(), declared.get(secret).path("file").asText(),
                    secret + " is read from SECRETS_DIR");
        }
        for (String name : fieldNames(clusterServices)) {
            JsonNode service = clusterServices.get(name);
            Set<String> mounted = new TreeSet<>();
            service.path("secrets").forEach(s -> mounted.add(s.isTextual() ? s.asText() : s.path("source").asText()));
            for (String variable : fieldNames(service.path("environment"))) {
                String value = service.path("environment").get(variable).asText();
                if (variable.endsWith("_FILE") && value.startsWith("/run/secrets/")) {
                    assertTrue(mounted.contains(value.substring("/run/secrets/".length())),
                            name + " mounts the secret its " + variable + " names");
                } else if (variable.matches(".*(PASSWORD|PASS|SECRET|COOKIE).*")) {
                    assertTrue(value.isEmpty(), name + ": " + variable + " holds a password; use " + variable + "_FILE");
                }
            }
        }
        Map<String, Set<String>> expected = Map.of(
                "logs-producer", Set.of("rabbitmq-producer-password"),
                "consumer-data-lake", Set.of("rabbitmq-lake-password", "db-password"),
                "consumer-data-clean", Set.of("rabbitmq-clean-password", "db-password"),
                "dashboard", Set.of("db-reader-password"),
                "phpmyadmin", Set.of(),
                "mysql", Set.of("mysql-root-password", "db-password", "db-reader-password"));
        expected.forEach((name, secrets) -> {
            Set<String> mounted = new TreeSet<>();
            services.get(name).path("secrets").forEach(s -> mounted.add(s.isTextual() ? s.asText() : s.path("source")
                    .asText()));
            assertEquals(secrets, mounted, name + " gets only the secrets it needs");
        });
        for (String program : List.of("logs-producer", "consumer-data-lake", "consumer-data-clean")) {
            assertTrue(env(services, program, "RABBITMQ_PASSWORD_FILE").startsWith("/run/secrets/rabbitmq-"),
                    program + " reads its broker password from a file");
        }
        for (String program : List.of("consumer-data-lake", "consumer-data-clean", "dashboard")) {
            assertTrue(env(services, program, "DB_PASSWORD_FILE").startsWith("/run/secrets/db-"),
                    program + " reads its database password from a file");
        }
        for (String broker : BROKERS) {
            Set<String> mounted = new TreeSet<>();
            clusterServices.get(broker).path("secrets").forEach(s -> mounted.add(s.isTextual() ? s.asText()
                    : s.path("source").asText()));
            assertTrue(mounted.containsAll(Set.of("rabbitmq-erlang-cookie", "rabbitmq-admin-password",
                    "rabbitmq-producer-password", "rabbitmq-lake-password", "rabbitmq-clean-password")),
                    broker + " has the cluster's cookie and the users' passwords");
        }
        assertTrue(Files.exists(PROJECT.resolve("compose/make-secrets.sh")), "a script makes the secret files");
    }

    @Test
    void mysqlIsHealthyOnlyWhenThePipelinesUsersCanLogIn() throws IOException {
        JsonNode mysql = services.get("mysql");
        String test = mysql.path("healthcheck").path("test").toString();
        assertFalse(test.contains("-uroot") || test.contains("--user=root"), "not root's login");
        Mount script = mounts(mysql).stream().filter(m -> test.contains(m.target())).findFirst()
                .orElseThrow(() -> new AssertionError("the healthcheck runs a script the stack mounts: " + test));
        String check = read(script.source());
        assertTrue(check.contains("weblogs") && check.contains("/run/secrets/db-password"),
                "the healthcheck logs in as the writing user with its secret");
        assertTrue(check.contains("weblogs_reader") && check.contains("/run/secrets/db-reader-password"),
                "and as the reading user");
        assertTrue(check.contains("down -v"), "and says what to do when MySQL refuses them");
    }

    // --- stopping, starting, health ----------------------------------------------------------------------------

    @Test
    void theProgramsHaveTimeToStopCleanly() {
        for (String consumer : CONSUMERS) {
            assertTrue(duration(services.get(consumer), "stop_grace_period").compareTo(Duration.ofSeconds(40)) >= 0,
                    consumer + " gets at least 40 s (it stops within 30 s of SIGTERM)");
        }
        assertTrue(duration(services.get("logs-producer"), "stop_grace_period").compareTo(Duration.ofSeconds(20)) >= 0,
                "the producer gets at least 20 s");
        for (String server : List.of("rabbitmq", "mysql")) {
            assertTrue(duration(services.get(server), "stop_grace_period").compareTo(Duration.ofSeconds(30)) >= 0,
                    server + " gets time to shut down cleanly");
        }
    }

    @Test
    void healthchecksMeanConnected() {
        for (String program : List.of("logs-producer", "consumer-data-lake", "consumer-data-clean")) {
            String port = env(services, program, "METRICS_PORT");
            String test = services.get(program).path("healthcheck").path("test").toString();
            assertTrue(test.contains("curl") && test.contains("-f") && test.contains("localhost:" + port + "/health"),
                    program + "'s health is its /health, UP only when connected: " + test);
        }
        String dashboard = services.get("dashboard").path("healthcheck").path("test").toString();
        assertTrue(dashboard.contains("curl") && dashboard.contains("localhost:8000/health"), dashboard);
        for (String broker : BROKERS) {
            String test = clusterServices.get(broker).path("healthcheck").path("test").toString();
            assertTrue(test.contains("rabbitmq-diagnostics") && test.matches(".*(check_port_connectivity|ping).*"), test);
        }
        for (String server : List.of("rabbitmq", "rabbitmq-2", "rabbitmq-3", "mysql")) {
            assertTrue(duration(clusterServices.get(server).path("healthcheck"), "start_period")
                    .compareTo(Duration.ofSeconds(30)) >= 0, server + " has a start_period");
        }
    }

    @Test
    void theBrokerIsAMaintainedRabbitMq4() {
        for (String broker : BROKERS) {
            String image = clusterServices.get(broker).path("image").asText();
            assertTrue(image.matches("rabbitmq:4\\.[1-9](\\.\\d+)?-management"), broker + " runs " + image);
        }
        assertTrue(services.get("mysql").path("image").asText().startsWith("mysql:8.4"));
    }

    // --- the dashboard and the cluster -------------------------------------------------------------------------

    @Test
    void theDashboardServesThePageOnLoopbackAsTheReadOnlyUser() {
        JsonNode dashboard = services.get("dashboard");
        assertEquals("dashboard.jar", dashboard.path("command").get(0).asText());
        assertEquals("8000", env(services, "dashboard", "DASHBOARD_PORT"));
        assertEquals("8000", published(services, "dashboard", 8000));
        assertEquals("weblogs_reader", env(services, "dashboard", "DB_USER"));
        assertEquals("/run/secrets/db-reader-password", env(services, "dashboard", "DB_PASSWORD_FILE"));
        assertTrue(env(services, "dashboard", "DB_URL").startsWith("jdbc:mysql://mysql:3306/"));
        assertEquals("service_healthy", dashboard.path("depends_on").path("mysql").path("condition").asText());
    }

    @Test
    void theClusterProfileRunsThreeClusteredBrokersAndProgramsThatKnowThemAll() throws IOException {
        for (String node : CLUSTER_NODES) {
            JsonNode service = clusterServices.get(node);
            assertEquals("[\"cluster\"]", service.path("profiles").toString(), node + " belongs to the cluster profile");
            assertEquals(clusterServices.get("rabbitmq").path("image").asText(), service.path("image").asText());
            assertEquals(clusterServices.get("rabbitmq").path("entrypoint").toString(),
                    service.path("entrypoint").toString(), node + " starts as rabbitmq does");
            assertTrue(fieldNames(service.path("depends_on")).contains("rabbitmq"), node + " starts after the seed");
        }
        for (String broker : BROKERS) {
            JsonNode service = clusterServices.get(broker);
            Mount conf = mounts(service).stream().filter(m -> m.target().startsWith("/etc/rabbitmq/conf.d/"))
                    .findFirst().orElseThrow(() -> new AssertionError(broker + " has the stack's rabbitmq.conf"));
            String rabbitmqConf = read(conf.source());
            assertTrue(rabbitmqConf.contains("cluster_formation.peer_discovery_backend = classic_config"), broker);
            for (String node : BROKERS) {
                assertTrue(rabbitmqConf.matches("(?s).*cluster_formation\\.classic_config\\.nodes\\.\\d+ = rabbit@"
                        + Pattern.quote(node) + "\\s.*"), broker + " lists " + node);
            }
        }
        for (String program : List.of("logs-producer", "consumer-data-lake", "consumer-data-clean")) {
            Set<String> hosts = new TreeSet<>();
            for (URI node : brokerNodes(clusterServices, program)) {
                hosts.add(node.getHost() + ":" + node.getPort());
            }
            assertEquals(Set.of("rabbitmq:5672", "rabbitmq-2:5672", "rabbitmq-3:5672"), hosts,
                    program + " connects to any node of the cluster");
            assertEquals("quorum", env(clusterServices, program, "QUEUE_TYPE"), program + " declares quorum queues");
        }
    }

    // --- helpers -----------------------------------------------------------------------------------------------

    private static void expect(Map<String, JsonNode> permissions, String user, List<String> configure,
                               List<String> write, List<String> read) {
        JsonNode permission = permissions.get(user);
        assertNotNull(permission, user + " has permissions in the vhost");
        check(user, "configure", permission.path("configure").asText(), configure);
        check(user, "write", permission.path("write").asText(), write);
        check(user, "read", permission.path("read").asText(), read);
    }

    /** RabbitMQ matches a permission's regular expression against the whole resource name it is asked for. */
    private static void check(String user, String kind, String regex, List<String> allowed) {
        Pattern pattern = Pattern.compile(regex);
        for (String resource : RESOURCES) {
            assertEquals(allowed.contains(resource), pattern.matcher(resource).find(),
                    user + " " + kind + " " + resource + " (" + regex + ")");
        }
        for (String resource : OTHER_RESOURCES) {
            assertFalse(pattern.matcher(resource).find(), user + " may not " + kind + " '" + resource + "' (" + regex + ")");
        }
    }

    private static List<String> plus(List<String> list, String more) {
        List<String> result = new ArrayList<>(list);
        result.add(more);
        return result;
    }

    private static List<URI> brokerNodes(JsonNode in, String program) {
        List<URI> nodes = new ArrayList<>();
        for (String uri : env(in, program, "RABBITMQ_URI").split(",")) {
            nodes.add(URI.create(uri.trim()));
        }
        return nodes;
    }

    private static String env(JsonNode in, String service, String variable) {
        JsonNode value = in.get(service).path("environment").get(variable);
        assertNotNull(value, service + " has " + variable);
        return value.isNull() ? "" : value.asText();
    }

    private static Set<String> defaultServiceNames(JsonNode in) {
        Set<String> names = new TreeSet<>();
        // docker-compose v1 prints the services of every profile; Compose v2 only those of the active ones.
        for (String name : fieldNames(in)) {
            if (!in.get(name).has("profiles")) {
                names.add(name);
            }
        }
        return names;
    }

    private static Set<String> fieldNames(JsonNode node) {
        Set<String> names = new TreeSet<>();
        node.fieldNames().forEachRemaining(names::add);
        return names;
    }

    private static String read(String path) throws IOException {
        return Files.readString(Path.of(path), StandardCharsets.UTF_8);
    }

    /** A Compose duration: 40s, 1m30s, 500ms. */
    private static Duration duration(JsonNode node, String field) {
        String text = node.path(field).asText();
        assertFalse(text.isEmpty(), field + " is set");
        Matcher part = Pattern.compile("(\\d+)(ms|h|m|s)").matcher(text);
        Duration total = Duration.ZERO;
        while (part.find()) {
            long n = Long.parseLong(part.group(1));
            total = total.plus(switch (part.group(2)) {
                case "h" -> Duration.ofHours(n);
                case "m" -> Duration.ofMinutes(n);
                case "s" -> Duration.ofSeconds(n);
                default -> Duration.ofMillis(n);
            });
        }
        return total;
    }

    record Port(String hostIp, String published, String target) {
    }

    /** The short syntax ({@code 127.0.0.1:5672:5672/tcp}, as v1 prints it) or the long one. */
    private static List<Port> ports(JsonNode service) {
        List<Port> ports = new ArrayList<>();
        for (JsonNode port : service.path("ports")) {
            if (port.isTextual()) {
                String[] parts = port.asText().replaceFirst("/(tcp|udp)$", "").split(":");
                ports.add(switch (parts.length) {
                    case 3 -> new Port(parts[0], parts[1], parts[2]);
                    case 2 -> new Port("", parts[0], parts[1]);
                    default -> new Port("", "", parts[0]);
                });
            } else {
                ports.add(new Port(port.path("host_ip").asText(), port.path("published").asText(),
                        port.path("target").asText()));
            }
        }
        return ports;
    }

    private static String published(JsonNode in, String service, int target) {
        return ports(in.get(service)).stream().filter(p -> p.target().equals(String.valueOf(target)))
                .map(Port::published).findFirst()
                .orElseThrow(() -> new AssertionError(service + " publishes its port " + target));
    }

    record Mount(String type, String source, String target, boolean readOnly) {
    }

    /** Volumes in the short syntax ({@code /abs/path:/target:ro}, {@code name:/target:rw}) or the long one. */
    private static List<Mount> mounts(JsonNode service) {
        List<Mount> mounts = new ArrayList<>();
        for (JsonNode volume : service.path("volumes")) {
            if (volume.isTextual()) {
                String[] parts = volume.asText().split(":");
                String source = parts.length > 1 ? parts[0] : "";
                String target = parts.length > 1 ? parts[1] : parts[0];
                boolean readOnly = parts.length > 2 && parts[2].contains("ro");
                mounts.add(new Mount(source.startsWith("/") || source.startsWith(".") ? "bind" : "volume", source,
                        target, readOnly));
            } else {
                mounts.add(new Mount(volume.path("type").asText(), volume.path("source").asText(),
                        volume.path("target").asText(), volume.path("read_only").asBoolean()));
            }
        }
        return mounts;
    }

    /**
     * Runs Debian's docker-compose (v1, which needs no engine for {@code config}) on the project's file, with an env
     * file of its own: SECRETS_DIR is the test's, and {@code settings} are added.
     */
    private static String compose(Map<String, String> settings, String... args) throws IOException, InterruptedException {
        Path envFile = Files.createTempFile("compose", ".env");
        StringBuilder env = new StringBuilder("SECRETS_DIR=" + secretsDir + "\n");
        settings.forEach((name, value) -> env.append(name).append('=').append(value).append('\n'));
        Files.writeString(envFile, env.toString());
        try {
            List<String> command = new ArrayList<>(List.of("docker-compose", "--project-directory", PROJECT.toString(),
                    "-f", PROJECT.resolve("docker-compose.yml").toString(), "--env-file", envFile.toString()));
            command.addAll(List.of(args));
            Process process;
            try {
                process = new ProcessBuilder(command).start();
            } catch (IOException e) {
                throw new IOException("docker-compose is not installed (apt-get install docker-compose): "
                        + e.getMessage(), e);
            }
            String out = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            String err = new String(process.getErrorStream().readAllBytes(), StandardCharsets.UTF_8);
            assertTrue(process.waitFor(60, TimeUnit.SECONDS));
            assertEquals(0, process.exitValue(), "docker-compose " + String.join(" ", args) + ": " + err);
            return out;
        } finally {
            Files.delete(envFile);
        }
    }
}
