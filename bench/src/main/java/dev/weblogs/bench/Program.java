package dev.weblogs.bench;

import dev.weblogs.amqp.Topology;

/** The three programs of the pipeline, as their modules build them. */
enum Program {

    PRODUCER("logs-producer", null, null),
    DATA_LAKE("consumer-data-lake", "raw-log", Topology.DATA_LAKE_QUEUE),
    DATA_CLEAN("consumer-data-clean", "clean-log", Topology.DATA_CLEAN_QUEUE);

    private final String module;
    private final String table;
    private final String queue;

    Program(String module, String table, String queue) {
        this.module = module;
        this.table = table;
        this.queue = queue;
    }

    /** The module, which is also the name of its jar. */
    String module() {
        return module;
    }

    /** The table a consumer writes. */
    String table() {
        return table;
    }

    /** The queue a consumer reads. */
    String queue() {
        return queue;
    }
}
