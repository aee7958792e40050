package dev.recall.content.deck;

import dev.recall.platform.problem.Text;

import dev.recall.content.access.Actor;
import dev.recall.content.note.TextRules;
import dev.recall.content.web.Params;
import dev.recall.platform.problem.ProblemException;
import dev.recall.platform.problem.SqlStates;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.UUID;

/** Decks: nested folders of notes, visible to the tenant, changed by their owner or an admin. */
@ApplicationScoped
public class DeckService {

    static final int MAX_DEPTH = 8;
    private static final String UNIQUE_VIOLATION = "23505";

    @Inject
    Pool client;

    /** A deck with how many live notes the caller can see in it. */
    public record Counted(Deck deck, long notes) {
    }

    /**
     * A new deck of the actor's, under {@code parentId} (a deck the actor may write: its owner's or, for an admin, any)
     * or at the top; joins the caller's transaction (the import's). The sibling-name unique index decides a clash, so
     * two identical requests at once make one deck and the other gets 409 (never a check-then-insert race).
     */
    @WithTransaction
    public Uni<Deck> create(Actor actor, String name, UUID parentId) {
        if (!actor.canCreate()) {
            throw ProblemException.forbidden(Text.of("content.deck.create-forbidden"));
        }
        String clean = validName(name);
        Deck deck = new Deck();
        deck.id = UUID.randomUUID();
        deck.tenant = actor.tenant();
        deck.ownerId = actor.userId();
        deck.name = clean;
        deck.parentId = parentId;
        deck.createdAt = Instant.now().truncatedTo(ChronoUnit.MICROS);
        deck.updatedAt = deck.createdAt;
        return parent(actor, parentId)
                .chain(parent -> Panache.getSession().chain(session -> session.createNativeQuery(
                                "INSERT INTO deck (id, tenant, owner_id, name, parent_id, created_at, updated_at) "
                                        + "VALUES (:id, :tenant, :owner, :name, :parent, :at, :at) ON CONFLICT DO NOTHING")
                        .setParameter("id", deck.id).setParameter("tenant", deck.tenant).setParameter("owner", deck.ownerId)
                        .setParameter("name", deck.name).setParameter("parent", deck.parentId).setParameter("at", deck.createdAt)
                        .executeUpdate()))
                .map(inserted -> {
                    if (inserted == 0) {
                        throw exists(clean);
                    }
                    return deck;
                });
    }

    private static ProblemException exists(String name) {
        return ProblemException.conflict("deck-exists", Text.of("content.deck.exists", name));
    }

    /** The actor's own deck of this name (case-insensitive) under {@code parentId} (null: at the top), or null. */
    public Uni<Deck> ownNamed(Actor actor, String name, UUID parentId) {
        return Deck.<Deck>find("tenant = ?1 and ownerId = ?2 and lower(name) = lower(?3) and " + (parentId == null ? "parentId is null" : "parentId = ?4"),
                parentId == null ? new Object[]{actor.tenant(), actor.userId(), name}
                        : new Object[]{actor.tenant(), actor.userId(), name, parentId}).firstResult();
    }

    /** The deck in this tenant, or 404. */
    @WithSession
    public Uni<Deck> find(Actor actor, UUID id) {
        return Deck.<Deck>find("id = ?1 and tenant = ?2", id, actor.tenant()).firstResult().map(deck -> {
            if (deck == null) {
                throw ProblemException.notFound(Text.of("content.deck.not-found", id));
            }
            return deck;
        });
    }

    /** The deck, if the actor may {@code action} it (404 outside the tenant, 403 for another author's). */
    public Uni<Deck> requireWritable(Actor actor, UUID id, String action) {
        return find(actor, id).invoke(deck -> {
            if (!actor.canWriteDeck(deck.ownerId)) {
                throw ProblemException.forbidden(Text.of("content.deck.owner-only." + action));
            }
        });
    }

    /**
     * A deck the actor may file notes in (null: none): same tenant, theirs (or any, for an admin); else 422 or 403.
     * Gives the id as stored (lower case), so one deck never has two spellings in the note table.
     */
    public Uni<String> requireFileable(Actor actor, String deckId) {
        if (deckId == null) {
            return Uni.createFrom().nullItem();
        }
        UUID uuid;
        try {
            uuid = Params.uuid("deckId", deckId);
        } catch (ProblemException e) {
            return Uni.createFrom().failure(unknownDeck(deckId));
        }
        return Deck.<Deck>findById(uuid).map(deck -> {
            if (deck == null || !deck.tenant.equals(actor.tenant())) {
                throw unknownDeck(deckId);
            }
            if (!actor.canWriteDeck(deck.ownerId)) {
                throw ProblemException.forbidden(Text.of("content.deck.other-author", deckId));
            }
            return deck.id.toString();
        });
    }

    private static ProblemException unknownDeck(String deckId) {
        return new ProblemException(422, "unknown-deck", Text.of("content.deck.unknown", deckId));
    }

    /**
     * Renames and/or moves a deck under another ({@code moveToTop}: to the top level); refuses cycles, a parent the
     * actor may not write (403) and a name a sibling of the owner's already has (409, decided by the unique index).
     * A change that changes nothing (no member, the deck's own name, its own parent) leaves the deck as it was,
     * {@code updatedAt} included, as a note's PATCH that changes nothing makes no version.
     */
    @WithTransaction
    public Uni<Deck> change(Actor actor, UUID id, String name, UUID newParent, boolean moveToTop) {
        // Moves of one tenant's decks take turns: two moves checked at once (A under B, B under A) would each see
        // no cycle and make one together.
        Uni<Void> turn = newParent == null ? Uni.createFrom().voidItem() : lockTree(actor.tenant());
        return turn.chain(() -> requireWritable(actor, id, "change")).chain(deck -> {
            String oldName = deck.name;
            UUID oldParent = deck.parentId;
            if (name != null) {
                deck.name = validName(name);
            }
            Uni<Void> move = Uni.createFrom().voidItem();
            if (moveToTop) {
                deck.parentId = null;
            } else if (newParent != null && !newParent.equals(oldParent)) {
                move = ancestors(actor, newParent).invoke(chain -> {
                    if (chain.contains(deck.id)) {
                        throw ProblemException.conflict("deck-cycle", Text.of("content.deck.cycle"));
                    }
                }).chain(chain -> list(actor).invoke(all -> {
                    // the moved deck brings its sub-decks along: the deepest of them must stay within MAX_DEPTH
                    if (chain.size() + levels(deck.id, all) > MAX_DEPTH) {
                        throw ProblemException.invalid("parentId", Text.of("content.deck.depth", MAX_DEPTH));
                    }
                    deck.parentId = newParent;
                })).chain(() -> requireWritable(actor, newParent, "nest")).replaceWithVoid();
            }
            String clean = deck.name;
            return move.chain(() -> {
                        if (deck.name.equals(oldName) && Objects.equals(deck.parentId, oldParent)) {
                            return Uni.createFrom().voidItem(); // nothing changed: updatedAt stays
                        }
                        deck.updatedAt = Instant.now().truncatedTo(ChronoUnit.MICROS);
                        return Panache.getSession().chain(session -> session.flush());
                    })
                    .onFailure(failure -> SqlStates.anyInChain(failure, UNIQUE_VIOLATION::equals)).transform(failure -> exists(clean))
                    .replaceWith(deck);
        });
    }

    /** How many levels the deck and its sub-decks take (1 for a deck without sub-decks); cycles in old data end the count. */
    static int levels(UUID id, List<Deck> all) {
        Map<UUID, List<UUID>> children = new HashMap<>();
        for (Deck d : all) {
            if (d.parentId != null) {
                children.computeIfAbsent(d.parentId, p -> new java.util.ArrayList<>()).add(d.id);
            }
        }
        int levels = 0;
        Set<UUID> seen = new HashSet<>();
        List<UUID> level = List.of(id);
        while (!level.isEmpty() && levels <= MAX_DEPTH * 2) {
            levels++;
            List<UUID> next = new java.util.ArrayList<>();
            for (UUID d : level) {
                if (seen.add(d)) {
                    next.addAll(children.getOrDefault(d, List.of()));
                }
            }
            level = next;
        }
        return levels;
    }

    /** The advisory-lock key of one tenant's deck tree. */
    public static String treeLockKey(String tenant) {
        return "recall.deck-tree:" + tenant;
    }

    /** Held until the transaction ends: no other move of this tenant's decks runs meanwhile. */
    private static Uni<Void> lockTree(String tenant) {
        return Panache.getSession().chain(session -> session.createNativeQuery("SELECT pg_advisory_xact_lock(hashtextextended(:key, 0))")
                .setParameter("key", treeLockKey(tenant)).getSingleResult()).replaceWithVoid();
    }

    /** The deck ids from {@code id} up to the top. */
    private Uni<Set<UUID>> ancestors(Actor actor, UUID id) {
        return find(actor, id).chain(deck -> walk(actor, deck, new HashSet<>(Set.of(deck.id))));
    }

    private Uni<Set<UUID>> walk(Actor actor, Deck deck, Set<UUID> seen) {
        if (deck.parentId == null || seen.size() > MAX_DEPTH * 2) {
            return Uni.createFrom().item(seen);
        }
        return find(actor, deck.parentId).chain(parent -> {
            if (!seen.add(parent.id)) {
                return Uni.createFrom().item(seen); // a cycle in old data: stop rather than walk it forever
            }
            return walk(actor, parent, seen);
        });
    }

    /** The parent of a new deck: in the tenant (404), writable by the actor (403), not too deep (400). */
    private Uni<Deck> parent(Actor actor, UUID parentId) {
        return parentId == null ? Uni.createFrom().nullItem() : ancestors(actor, parentId).chain(chain -> {
            if (chain.size() >= MAX_DEPTH) {
                throw ProblemException.invalid("parentId", Text.of("content.deck.depth", MAX_DEPTH));
            }
            return requireWritable(actor, parentId, "nest");
        });
    }

    /** The tenant's decks by name. */
    @WithSession
    public Uni<List<Deck>> list(Actor actor) {
        return Deck.<Deck>list("tenant = ?1 order by lower(name), id", actor.tenant());
    }

    /** The tenant's decks by name, each with how many live notes the actor may read in it. */
    public Uni<List<Counted>> listCounted(Actor actor) {
        return counts(actor).chain(counts -> list(actor)
                .map(decks -> decks.stream().map(d -> new Counted(d, counts.getOrDefault(d.id.toString(), 0L))).toList()));
    }

    private Uni<Map<String, Long>> counts(Actor actor) {
        return client.preparedQuery("SELECT deck_id, count(*) FROM note n WHERE " + actor.readableSql("n", 1)
                        + " AND n.deleted_at IS NULL AND n.deck_id IS NOT NULL GROUP BY deck_id")
                .execute(Tuple.from(actor.readParameters()))
                .map(rows -> {
                    Map<String, Long> counts = new HashMap<>();
                    rows.forEach(row -> counts.put(row.getString(0), row.getLong(1)));
                    return counts;
                });
    }

    /** A deck name is one line of 1 to 200 characters: no '/', no control characters, valid Unicode. */
    public static String validName(String name) {
        String clean = name == null ? "" : name.strip();
        if (clean.isEmpty() || clean.length() > 200 || clean.contains("/") || clean.codePoints().anyMatch(Character::isISOControl)) {
            throw ProblemException.invalid("name", Text.of("content.deck.name"));
        }
        TextRules.requireValid("name", clean);
        return clean;
    }
}
