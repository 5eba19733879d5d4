package dev.weblogs.amqp;

/** The broker refused a line (nack) or could not route it: the line is not stored, and the run must stop. */
public class PublishException extends RuntimeException {

    public PublishException(String message) {
        super(message);
    }
}
