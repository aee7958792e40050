package dev.recall.quiz.item;

import dev.recall.events.NoteEvents;
import io.quarkus.test.junit.QuarkusTest;
import io.vertx.core.Context;
import io.vertx.core.Vertx;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;

import static org.assertj.core.api.Assertions.assertThat;

/** Generation of a note's items leaves the event loop free and comes back on the caller's context. */
@QuarkusTest
class GenerationOffLoopTests {

    @Inject
    ItemService items;

    @Inject
    Vertx vertx;

    @Test
    void aLargeNoteIsGeneratedOnAWorkerAndTheResultArrivesOnTheSameContext() throws Exception {
        StringBuilder markdown = new StringBuilder();
        for (int i = 0; i < 300; i++) {
            markdown.append("# Topic ").append(i).append("\n\nA decorator is a callable that takes a function and returns a function.\n\n")
                    .append("- first step\n- second step\n- third step\n\n");
        }
        var note = new NoteEvents.NoteSnapshot("off-loop", "acme", "alice", "Big", markdown.toString(), List.of("python"), "deck-1",
                "en", "tenant", 1, List.of(), Instant.now());
        Context context = vertx.getOrCreateContext();
        AtomicBoolean doneBeforeSubscribeReturned = new AtomicBoolean();
        AtomicReference<Context> resumedOn = new AtomicReference<>();
        CompletableFuture<List<GeneratedItem>> result = new CompletableFuture<>();
        context.runOnContext(ignored -> {
            assertThat(Context.isOnEventLoopThread()).isTrue();
            items.generate(List.of(), note).subscribe().with(generated -> {
                resumedOn.set(Vertx.currentContext());
                result.complete(generated);
            }, result::completeExceptionally);
            // Had the work run here on the loop, the callback would have run already (it is synchronous then).
            doneBeforeSubscribeReturned.set(result.isDone());
        });
        List<GeneratedItem> generated = result.get(60, TimeUnit.SECONDS);
        assertThat(doneBeforeSubscribeReturned).isFalse();
        assertThat(resumedOn.get()).isSameAs(context);
        assertThat(generated).hasSizeGreaterThan(300).allSatisfy(item -> assertThat(item.prompt()).isNotBlank());
    }
}
