package dev.weblogs.config;

/** How the pipeline's queues are declared. */
public enum QueueType {
    /** Classic queues (of version 2): one node, the layout of a single broker. */
    CLASSIC,
    /** Quorum queues: replicated on the nodes of a cluster, surviving the loss of a minority of them. */
    QUORUM
}
