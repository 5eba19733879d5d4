package dev.weblogs.bench;

import dev.weblogs.amqp.Topology;
import dev.weblogs.store.CleanLog;
import dev.weblogs.store.RawLog;
import jakarta.persistence.Table;

/** The three programs of the pipeline, as their modules build them. */
enum Program {

    PRODUCER("logs-producer", null, null),
    DATA_LAKE("consumer-data-lake", RawLog.class, Topology.DATA_LAKE_QUEUE),
    DATA_CLEAN("consumer-data-clean", CleanLog.class, Topology.DATA_CLEAN_QUEUE);

    private final String module;
    private final String table;
    private final String queue;

    Program(String module, Class<?> entity, String queue) {
        this.module = module;
        this.table = entity == null ? null : entity.getAnnotation(Table.class).name();
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
