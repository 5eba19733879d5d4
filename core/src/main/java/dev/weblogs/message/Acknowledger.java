package dev.weblogs.message;

/** Settles deliveries with the transport that brought them. */
public interface Acknowledger {

    /** Every delivery up to and including {@code tag} is stored: the transport may forget them. */
    void acknowledgeUpTo(long tag);

    /** Every delivery up to and including {@code tag} goes back, to be delivered again. */
    void requeueUpTo(long tag);
}
