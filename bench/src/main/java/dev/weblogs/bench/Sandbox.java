package dev.weblogs.bench;

import java.util.HashMap;
import java.util.Map;

/** Where one measurement runs the programs: a vhost of its own with the topology declared, and a database. */
record Sandbox(Vhost vhost, ScratchDatabase database, QueueProbe queues) implements AutoCloseable {

    /** The settings of {@code program} for this sandbox, as environment variables. */
    Map<String, String> settings(Program program) {
        Map<String, String> settings = new HashMap<>();
        settings.put("RABBITMQ_URI", vhost.uri().toString());
        if (program != Program.PRODUCER) {
            settings.put("DB_URL", database.url());
            settings.put("DB_USER", database.user());
            settings.put("DB_PASSWORD", database.password());
        }
        return settings;
    }

    @Override
    public void close() throws Exception {
        try (vhost; database; queues) {
            // closed in reverse order: the probe's connection, then the database, then the vhost
        }
    }
}
