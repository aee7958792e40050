package dev.recall.platform.outbox;

import dev.recall.platform.problem.Text;

import dev.recall.platform.problem.ProblemException;

/**
 * An event larger than {@code recall.events.max-bytes}: the write that would produce it is refused (413 at
 * the API) and nothing is stored. A consumer whose effect would produce one cannot succeed by retrying.
 */
public class EventTooLargeException extends ProblemException {

    public EventTooLargeException(String type, long bytes, long maxBytes) {
        super(413, "event-too-large", Text.of("event.too-large", type, bytes, maxBytes));
    }
}
