package dev.weblogs.amqp;

import com.rabbitmq.client.AMQP;

/**
 * A message on its way to the broker, kept until confirmed so that it can be published again.
 *
 * @param body        the line
 * @param properties  persistent, with the line's occurrence key as message id
 * @param onConfirmed told once the broker has confirmed it, on the connection's thread
 */
record Outgoing(byte[] body, AMQP.BasicProperties properties, Runnable onConfirmed) {
}
