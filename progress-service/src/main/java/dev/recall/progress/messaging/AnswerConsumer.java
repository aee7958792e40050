package dev.recall.progress.messaging;

import dev.recall.events.AnswerGraded;
import dev.recall.events.EventCodec;
import dev.recall.events.EventData;
import dev.recall.platform.inbox.Inbox;
import dev.recall.progress.card.Card;
import dev.recall.progress.item.ItemVisibility;
import dev.recall.progress.review.AnswerRating;
import dev.recall.progress.review.ReviewService;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.jboss.logging.Logger;

import java.time.Instant;

/**
 * quiz.answers.v1 → a review of the learner's card for that item, once per event. An answer for an item the
 * learner has no card for, or one older than the card's last review, changes nothing.
 */
@ApplicationScoped
public class AnswerConsumer {

    static final String CONSUMER = "progress-service.answers";
    private static final Logger LOG = Logger.getLogger(AnswerConsumer.class);

    @Inject
    Inbox inbox;

    @Inject
    ReviewService reviews;

    @Inject
    AnswerRating rating;

    @Incoming("answers")
    public Uni<Void> consume(String json) {
        return inbox.consume(CONSUMER, json, event -> {
            EventData data = EventCodec.data(event);
            if (!(data instanceof AnswerGraded answer)) {
                throw new IllegalArgumentException("unexpected event " + event.type() + " on the answers topic");
            }
            if (!answer.tenant().equals(event.tenant())) {
                throw new IllegalArgumentException("event tenant " + event.tenant() + " differs from its data's " + answer.tenant());
            }
            return Card.<Card>find("from Card c where c.tenant = ?1 and c.userId = ?2 and c.itemId = ?3 and " + ItemVisibility.cardHql("c", "?2"),
                            answer.tenant(), answer.userId(), answer.itemId())
                    .<Card>firstResult()
                    .chain(card -> {
                        if (card == null) {
                            LOG.debugf("answer %s: learner has no card they may see for item %s", answer.answerId(), answer.itemId());
                            return Uni.createFrom().voidItem();
                        }
                        Instant at = answer.answeredAt();
                        if (card.lastReview != null && at.isBefore(card.lastReview)) {
                            LOG.infof("answer %s is older than card %s's last review; not applied", answer.answerId(), card.id);
                            return Uni.createFrom().voidItem();
                        }
                        return reviews.record(answer.tenant(), answer.userId(), card.id, rating.of(answer), at,
                                answer.latencyMs(), "quiz", Instant.now().plusSeconds(300)).replaceWithVoid();
                    });
        });
    }
}
