package dev.recall.quiz.session;

import com.fasterxml.jackson.databind.JsonNode;
import dev.recall.events.AnswerGraded;
import dev.recall.platform.auth.Caller;
import dev.recall.platform.outbox.Outbox;
import dev.recall.platform.problem.ProblemException;
import dev.recall.quiz.generation.ItemType;
import dev.recall.quiz.grading.Grader;
import dev.recall.quiz.item.Item;
import dev.recall.quiz.item.ItemTypes;
import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.UUID;

/** Assembles quizzes from the items a learner may see, and grades their answers. */
@ApplicationScoped
public class QuizService {

    private static final int CANDIDATES = 2_000;

    @Inject
    Outbox outbox;

    @WithTransaction
    public Uni<QuizViews.QuizView> create(Caller caller, QuizRequest request) {
        String tenant = caller.tenant();
        String userId = caller.userId();
        int count = request.count() == null ? 10 : request.count();
        long seed = request.seed() == null ? new Random().nextLong() : request.seed();
        if (request.types() != null) {
            request.types().forEach(type -> ItemTypes.requireKnown("types", type));
        }
        StringBuilder query = new StringBuilder("from Item i where i.tenant = :tenant and i.retiredAt is null and exists (from NoteSource s "
                + "where s.noteId = i.noteId and s.deleted = false and (s.visibility <> 'private' or s.authorId = :user or :admin = true))");
        Map<String, Object> params = new LinkedHashMap<>();
        params.put("tenant", tenant);
        params.put("user", userId);
        params.put("admin", caller.is(Caller.ADMIN));
        if (request.noteIds() != null && !request.noteIds().isEmpty()) {
            query.append(" and i.noteId in :notes");
            params.put("notes", request.noteIds());
        }
        if (request.deckId() != null) {
            query.append(" and i.deckId = :deck");
            params.put("deck", request.deckId());
        }
        if (request.types() != null && !request.types().isEmpty()) {
            query.append(" and i.type in :types");
            params.put("types", request.types());
        }
        if (request.tags() != null && !request.tags().isEmpty()) {
            query.append(" and (").append(String.join(" or ", request.tags().stream()
                    .map(t -> "array_position(i.tags, :tag" + request.tags().indexOf(t) + ") is not null").toList())).append(")");
            for (int i = 0; i < request.tags().size(); i++) {
                params.put("tag" + i, request.tags().get(i));
            }
        }
        query.append(" order by i.id");
        return Item.<Item>find(query.toString(), params).page(0, CANDIDATES).list().chain(candidates -> {
            if (candidates.isEmpty()) {
                throw new ProblemException(422, "no-items", "No items to quiz on",
                        "no active item you can see matches these notes, deck, tags and types");
            }
            Random random = new Random(seed);
            List<Item> picked = new ArrayList<>(candidates);
            Collections.shuffle(picked, random);
            picked = picked.subList(0, Math.min(count, picked.size()));
            Quiz quiz = new Quiz();
            quiz.id = UUID.randomUUID();
            quiz.tenant = tenant;
            quiz.userId = userId;
            quiz.seed = seed;
            quiz.createdAt = Instant.now().truncatedTo(ChronoUnit.MICROS);
            List<QuizEntry> entries = new ArrayList<>();
            List<QuizViews.QuizItemView> views = new ArrayList<>();
            for (int i = 0; i < picked.size(); i++) {
                Item item = picked.get(i);
                QuizEntry entry = new QuizEntry();
                entry.quizId = quiz.id;
                entry.position = i;
                entry.itemId = item.id;
                List<String> options = options(item, random);
                entry.options = options == null ? null : options.toArray(String[]::new);
                entries.add(entry);
                views.add(new QuizViews.QuizItemView(i, item.id, item.type, item.prompt, options, lefts(item), List.of(item.headingPath)));
            }
            return quiz.persist().chain(() -> QuizEntry.persist(entries))
                    .replaceWith(new QuizViews.QuizView(quiz.id.toString(), seed, views));
        });
    }

    /** Options shuffled for this quiz; MATCHING shows the right-hand sides. */
    private static List<String> options(Item item, Random random) {
        if (item.type.equals(ItemType.TRUE_FALSE.name())) {
            return List.of("true", "false");
        }
        if (item.options == null) {
            return null;
        }
        List<String> options = new ArrayList<>(List.of(item.options));
        Collections.shuffle(options, random);
        return options;
    }

    private static List<String> lefts(Item item) {
        if (!item.type.equals(ItemType.MATCHING.name())) {
            return null;
        }
        return Arrays.stream(item.answers).map(pair -> pair.split(" → ", 2)[0]).toList();
    }

    @WithTransaction
    public Uni<QuizViews.AnswerResult> answer(Caller caller, UUID quizId, QuizViews.AnswerRequest request) {
        String tenant = caller.tenant();
        String userId = caller.userId();
        List<String> given = given(request.answer());
        return Quiz.<Quiz>find("id = ?1 and tenant = ?2 and userId = ?3", quizId, tenant, userId).firstResult()
                .chain(quiz -> {
                    if (quiz == null) {
                        throw ProblemException.notFound("quiz", quizId.toString());
                    }
                    return QuizEntry.<QuizEntry>find("quizId = ?1 and itemId = ?2", quizId, request.itemId()).firstResult();
                })
                .chain(entry -> {
                    if (entry == null) {
                        throw ProblemException.invalid("itemId", "item " + request.itemId() + " is not part of quiz " + quizId);
                    }
                    return QuizAnswer.<QuizAnswer>find("quizId = ?1 and itemId = ?2", quizId, request.itemId()).firstResult();
                })
                .chain(previous -> {
                    if (previous != null) {
                        throw ProblemException.conflict("already-answered", "item " + request.itemId() + " of this quiz was answered already");
                    }
                    return Item.<Item>findById(request.itemId());
                })
                .chain(item -> {
                    boolean correct = Grader.correct(ItemType.valueOf(item.type), List.of(item.answers), given);
                    QuizAnswer answer = new QuizAnswer();
                    answer.quizId = quizId;
                    answer.itemId = item.id;
                    answer.given = String.join("\n", given);
                    answer.correct = correct;
                    answer.latencyMs = request.latencyMs();
                    answer.answeredAt = Instant.now().truncatedTo(ChronoUnit.MILLIS);
                    AnswerGraded event = new AnswerGraded(UUID.randomUUID().toString(), tenant, userId, item.id, quizId.toString(),
                            correct, request.latencyMs(), answer.given, answer.answeredAt);
                    return answer.persist()
                            .chain(() -> outbox.append(item.id, tenant, event))
                            .replaceWith(new QuizViews.AnswerResult(item.id, correct, List.of(item.answers), item.explanation, request.latencyMs()));
                });
    }

    private static List<String> given(JsonNode answer) {
        List<String> values = new ArrayList<>();
        if (answer.isArray()) {
            answer.forEach(node -> values.add(node.isTextual() ? node.asText() : node.toString()));
        } else if (answer.isTextual() || answer.isNumber() || answer.isBoolean()) {
            values.add(answer.asText());
        } else {
            throw ProblemException.invalid("answer", "must be a string or an array of strings");
        }
        if (values.isEmpty() || values.stream().allMatch(String::isBlank)) {
            throw ProblemException.invalid("answer", "must not be empty");
        }
        if (values.stream().mapToInt(String::length).sum() > 10_000) {
            throw ProblemException.invalid("answer", "is too long");
        }
        return values;
    }
}
