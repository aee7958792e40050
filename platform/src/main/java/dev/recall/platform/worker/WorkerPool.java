package dev.recall.platform.worker;

import io.smallrye.mutiny.Uni;
import io.vertx.core.Context;
import io.vertx.core.Vertx;

import java.util.concurrent.Callable;

/**
 * Runs CPU-heavy or blocking work (generation, zip, unzip) on a worker thread and hands the result back on
 * the caller's Vert.x context, so the event loop never waits and a reactive session can carry on after it.
 */
public final class WorkerPool {

    private WorkerPool() {
    }

    /** Lazily: the work starts when the returned Uni is subscribed. Off Vert.x (a plain thread) it runs in place. */
    public static <T> Uni<T> call(Callable<T> work) {
        return Uni.createFrom().deferred(() -> {
            Context context = Vertx.currentContext();
            if (context == null) {
                try {
                    return Uni.createFrom().item(work.call());
                } catch (Exception e) {
                    return Uni.createFrom().failure(e);
                }
            }
            // ordered=false: independent jobs may run side by side on the worker pool.
            return Uni.createFrom().completionStage(context.executeBlocking(work, false).toCompletionStage());
        });
    }
}
