package dev.recall.progress.review;

import dev.recall.progress.card.Card;
import dev.recall.progress.scheduler.SchedulerOptions;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;

/** Recomputes every reviewed card of a learner from its review log, e.g. after a change of parameters. */
@ApplicationScoped
public class Rescheduler {

    @Inject
    Scheduling scheduling;

    /** Must run in a transaction; returns how many cards were rescheduled. */
    public Uni<Integer> rescheduleAll(String tenant, String userId, SchedulerOptions options) {
        return ReviewLog.<ReviewLog>list("tenant = ?1 and userId = ?2 and undone = false order by cardId, reviewedAt, id", tenant, userId)
                .chain(logs -> {
                    Map<UUID, List<ReviewLog>> byCard = logs.stream()
                            .collect(Collectors.groupingBy(log -> log.cardId, LinkedHashMap::new, Collectors.toList()));
                    if (byCard.isEmpty()) {
                        return Uni.createFrom().item(0);
                    }
                    return Card.<Card>list("tenant = ?1 and userId = ?2 and id in ?3", tenant, userId, byCard.keySet())
                            .map(cards -> {
                                cards.forEach(card -> scheduling.replay(card, byCard.get(card.id), options));
                                return cards.size();
                            });
                });
    }
}
