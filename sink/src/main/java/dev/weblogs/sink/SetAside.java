package dev.weblogs.sink;

import dev.weblogs.message.Rejection;
import java.util.List;

/** Keeps, durably, lines the store has no place for, before they are acknowledged. */
@FunctionalInterface
public interface SetAside {

    /** For a store that keeps every rejection itself: being asked to set one aside is a bug. */
    SetAside NOWHERE = rejections -> {
        throw new IllegalStateException(rejections.size() + " rejected lines and nowhere to set them aside");
    };

    /** @throws Exception when they are not all kept: the lines then go back to the queue */
    void setAside(List<Rejection> rejections) throws Exception;
}
