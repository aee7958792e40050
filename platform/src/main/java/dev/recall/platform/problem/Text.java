package dev.recall.platform.problem;

import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Locale;

/**
 * A client-facing text of the problem catalogue ({@link Catalogue}): a key and its arguments, written in the
 * caller's language only when the answer is written. An argument that is itself a {@code Text} is written in
 * the same language; anything else as {@link String#valueOf}. Field names, ids and numbers stay as they are.
 */
public record Text(String key, List<Object> args) {

    public static Text of(String key, Object... args) {
        return new Text(key, Collections.unmodifiableList(Arrays.asList(args.clone())));
    }

    public String in(Locale locale) {
        return Catalogue.render(this, locale);
    }

    /** The English text, for logs and exception messages. */
    @Override
    public String toString() {
        return in(Catalogue.ENGLISH);
    }
}
