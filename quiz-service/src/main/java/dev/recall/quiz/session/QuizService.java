package dev.recall.quiz.session;

import dev.recall.platform.problem.Text;

import com.fasterxml.jackson.databind.JsonNode;
import dev.recall.events.AnswerGraded;
import dev.recall.platform.auth.Caller;
import dev.recall.platform.outbox.Outbox;
import dev.recall.platform.problem.ProblemException;
import dev.recall.quiz.generation.ItemType;
import dev.recall.quiz.grading.Grader;
import dev.recall.quiz.item.Item;
import dev.recall.quiz.item.ItemTypes;
import dev.recall.quiz.item.NoteSource;
import dev.recall.platform.input.Inputs;
import dev.recall.platform.json.StrictJson;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import java.time.Instant;
import java.time.ZoneOffset;
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
        requireNames("noteIds", request.noteIds());
        requireNames("tags", request.tags());
        requireNames("types", request.types());
        Inputs.name("deckId", request.deckId());
        if (request.types() != null) {
            request.types().forEach(type -> ItemTypes.requireKnown("types", type));
        }
        StringBuilder query = new StringBuilder("from Item i where i.tenant = :tenant and i.retiredAt is null and " + NoteSource.VISIBLE);
        Map<String, Object> params = new LinkedHashMap<>(NoteSource.viewer(caller));
        params.put("tenant", tenant);
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
                throw new ProblemException(422, "no-items", Text.of("quiz.no-items"));
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

    /**
     * Grades one answer. The item is looked up as the caller may see it now: a note made private or deleted since
     * the quiz was made answers 404 and reveals nothing. Two answers racing for the same item: the primary key of
     * quiz_answer decides (the second waits for the first, then inserts nothing) and the loser gets 409.
     */
    @WithTransaction
    public Uni<QuizViews.AnswerResult> answer(Caller caller, UUID quizId, QuizViews.AnswerRequest request) {
        String tenant = caller.tenant();
        String userId = caller.userId();
        String itemId = Inputs.name("itemId", request.itemId());
        List<String> given = given(request.answer());
        return Quiz.<Quiz>find("id = ?1 and tenant = ?2 and userId = ?3", quizId, tenant, userId).firstResult()
                .chain(quiz -> {
                    if (quiz == null) {
                        throw ProblemException.notFound(Text.of("quiz.quiz.not-found", quizId));
                    }
                    return QuizEntry.<QuizEntry>find("quizId = ?1 and itemId = ?2", quizId, itemId).firstResult();
                })
                .chain(entry -> {
                    if (entry == null) {
                        throw ProblemException.invalid("itemId", Text.of("quiz.item.not-in-quiz", itemId, quizId));
                    }
                    Map<String, Object> params = new LinkedHashMap<>(NoteSource.viewer(caller));
                    params.put("id", itemId);
                    params.put("tenant", tenant);
                    return Item.<Item>find("from Item i where i.id = :id and i.tenant = :tenant and " + NoteSource.VISIBLE, params).<Item>firstResult();
                })
                .chain(item -> {
                    if (item == null) {
                        throw ProblemException.notFound(Text.of("quiz.item.not-found", itemId));
                    }
                    boolean correct = Grader.correct(ItemType.valueOf(item.type), List.of(item.answers), given);
                    String givenText = String.join("\n", given);
                    Instant answeredAt = Instant.now().truncatedTo(ChronoUnit.MILLIS);
                    AnswerGraded event = new AnswerGraded(UUID.randomUUID().toString(), tenant, userId, item.id, quizId.toString(),
                            correct, request.latencyMs(), givenText, answeredAt);
                    return Panache.getSession().chain(session -> session.createNativeQuery(
                                    "INSERT INTO quiz_answer (quiz_id, item_id, given, correct, latency_ms, answered_at) "
                                            + "VALUES (:quiz, :item, :given, :correct, :latency, :at) ON CONFLICT DO NOTHING")
                                    .setParameter("quiz", quizId).setParameter("item", item.id).setParameter("given", givenText)
                                    .setParameter("correct", correct).setParameter("latency", request.latencyMs())
                                    .setParameter("at", answeredAt.atOffset(ZoneOffset.UTC))
                                    .executeUpdate())
                            .chain(inserted -> {
                                if (inserted == 0) {
                                    throw ProblemException.conflict("already-answered", Text.of("quiz.item.answered", itemId));
                                }
                                return outbox.append(item.id, tenant, event);
                            })
                            .replaceWith(new QuizViews.AnswerResult(item.id, correct, List.of(item.answers), item.explanation, request.latencyMs()));
                });
    }

    /** Each name of a list must pass {@link Inputs#name}; a null element is a 400 too. */
    private static void requireNames(String field, List<String> names) {
        if (names == null) {
            return;
        }
        for (String name : names) {
            if (name == null) {
                throw ProblemException.invalid(field, Text.of("quiz.null-element"));
            }
            Inputs.name(field, name);
        }
    }

    /** The answer as the contract has it, a string or an array of strings: nothing else is read as text. */
    private static List<String> given(JsonNode answer) {
        List<String> values = new ArrayList<>();
        if (answer.isTextual()) {
            values.add(answer.asText());
        } else if (answer.isArray()) {
            for (JsonNode node : answer) {
                if (!node.isTextual()) {
                    throw ProblemException.invalid("answer", Text.of("quiz.answer.shape"));
                }
                values.add(node.asText());
            }
        } else {
            throw ProblemException.invalid("answer", Text.of("quiz.answer.shape"));
        }
        if (values.isEmpty() || values.stream().allMatch(String::isBlank)) {
            throw ProblemException.invalid("answer", Text.of("constraint.NotEmpty"));
        }
        if (values.stream().mapToInt(String::length).sum() > 10_000) {
            throw ProblemException.invalid("answer", Text.of("quiz.answer.too-long", 10_000));
        }
        if (!values.stream().allMatch(StrictJson::isStorableText)) {
            // Read as a tree, so the body reader's text check did not see it: stored as text, which PostgreSQL refuses
            // with NUL in it, and a lone surrogate is no text at all.
            throw ProblemException.invalid("answer", Text.of("quiz.answer.nul"));
        }
        return values;
    }
}
