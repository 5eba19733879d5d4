package dev.weblogs.amqp;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.rabbitmq.client.Channel;
import com.rabbitmq.client.Connection;
import dev.weblogs.config.QueueType;
import dev.weblogs.failure.ConfigurationException;
import dev.weblogs.failure.Setting;
import dev.weblogs.testing.TestServices;
import dev.weblogs.testing.TestVhost;
import org.junit.jupiter.api.Test;

/** The pipeline's queues as a real broker declares them. */
class TopologyIT {

    private final TestServices services = TestServices.get();

    @Test
    void quorumQueuesLetTheConsumersSetALineAsideBeforeTheBrokerWould() throws Exception {
        try (TestVhost vhost = services.newVhost(); Connection connection = vhost.connect()) {
            Topology topology = new Topology(QueueType.QUORUM);
            topology.declare(connection.createChannel());
            topology.declare(connection.createChannel()); // a second program declares the same

            for (String queue : new String[] {Topology.DATA_LAKE_QUEUE, Topology.DATA_CLEAN_QUEUE,
                    Topology.deadLetterQueue(Topology.DATA_LAKE_QUEUE)}) {
                JsonNode arguments = services.queueArguments(vhost, queue);
                assertEquals("quorum", arguments.path("x-queue-type").asText(), queue);
                assertTrue(arguments.path("x-delivery-limit").asInt() > 20,
                        queue + ": the broker's delivery limit is above the consumers' 20: " + arguments);
            }
        }
    }

    @Test
    void aQueueOfTheOtherTypeIsReportedAsTheQueueTypeSetting() throws Exception {
        try (TestVhost vhost = services.newVhost(); Connection connection = vhost.connect()) {
            new Topology(QueueType.CLASSIC).declare(connection.createChannel());
            assertEquals(2, services.queueArguments(vhost, Topology.DATA_LAKE_QUEUE).path("x-queue-version").asInt());

            Channel channel = connection.createChannel();
            ConfigurationException refused = assertThrows(ConfigurationException.class,
                    () -> new Topology(QueueType.QUORUM).declare(channel));
            assertEquals(Setting.QUEUE_TYPE, refused.setting());
            assertTrue(refused.getMessage().contains("queue-data-lake"), refused.getMessage());
        }
    }

    @Test
    void aClassicDeclarationOfQuorumQueuesIsReportedAsTheQueueTypeSetting() throws Exception {
        try (TestVhost vhost = services.newVhost(); Connection connection = vhost.connect()) {
            new Topology(QueueType.QUORUM).declare(connection.createChannel());

            Channel channel = connection.createChannel();
            ConfigurationException refused = assertThrows(ConfigurationException.class,
                    () -> new Topology(QueueType.CLASSIC).declare(channel));
            assertEquals(Setting.QUEUE_TYPE, refused.setting());
        }
    }
}
