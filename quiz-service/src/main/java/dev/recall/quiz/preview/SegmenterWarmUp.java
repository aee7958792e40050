package dev.recall.quiz.preview;

import dev.recall.quiz.generation.language.Segmenter;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import org.jboss.logging.Logger;

/**
 * Loads the Chinese segmenter's dictionary on a background thread at start-up, so the first Chinese note neither
 * waits for it nor blocks a consumer thread, and start-up itself does not wait either.
 */
@ApplicationScoped
public class SegmenterWarmUp {

    private static final Logger LOG = Logger.getLogger(SegmenterWarmUp.class);

    void onStart(@Observes StartupEvent event) {
        Thread thread = new Thread(() -> {
            long start = System.nanoTime();
            try {
                Segmenter.warmUp();
                LOG.infof("Chinese segmenter ready in %d ms", (System.nanoTime() - start) / 1_000_000);
            } catch (RuntimeException e) {
                LOG.warn("Chinese segmenter failed to load; it will be retried on first use", e);
            }
        }, "segmenter-warm-up");
        thread.setDaemon(true);
        thread.start();
    }
}
