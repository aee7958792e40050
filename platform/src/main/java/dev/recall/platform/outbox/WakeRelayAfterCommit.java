package dev.recall.platform.outbox;

import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.smallrye.mutiny.Uni;
import io.vertx.core.Context;
import io.vertx.core.Vertx;
import jakarta.annotation.Priority;
import jakarta.inject.Inject;
import jakarta.interceptor.AroundInvoke;
import jakarta.interceptor.Interceptor;
import jakarta.interceptor.InvocationContext;

/**
 * Wakes the outbox relay once a {@code @WithTransaction} method that appended events has committed, so no
 * write path has to remember to. It wraps Quarkus' own transaction interceptor (priority 200): the Uni it
 * sees completes only after the commit. A transaction that appended nothing does not wake the relay; an
 * inner {@code @WithTransaction} that joins an outer one may wake it early, which only costs an empty look,
 * because the outer one wakes it again after its commit.
 */
@WithTransaction
@Interceptor
@Priority(100)
public class WakeRelayAfterCommit {

    @Inject
    OutboxRelay relay;

    @AroundInvoke
    Object wakeAfterCommit(InvocationContext invocation) throws Exception {
        Object result = invocation.proceed();
        if (!(result instanceof Uni<?> transaction)) {
            return result;
        }
        return Uni.createFrom().deferred(() -> {
            Context context = Vertx.currentContext();
            return transaction.invoke(() -> {
                if (Outbox.mayHaveAppended(context)) {
                    relay.nudge();
                }
            });
        });
    }
}
