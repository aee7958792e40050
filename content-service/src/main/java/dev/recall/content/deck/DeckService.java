package dev.recall.content.deck;

import dev.recall.content.note.Actor;
import dev.recall.platform.problem.ProblemException;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;

/** Decks: nested folders of notes, visible to the tenant, changed by their owner or an admin. */
@ApplicationScoped
public class DeckService {

    static final int MAX_DEPTH = 8;

    /** Must run in a transaction. */
    public Uni<Deck> create(Actor actor, String name, UUID parentId) {
        if (!actor.author() && !actor.admin()) {
            throw ProblemException.forbidden("only authors and admins create decks");
        }
        String clean = validName(name);
        return parent(actor, parentId).chain(parent -> Deck.<Deck>find(
                        "tenant = ?1 and ownerId = ?2 and lower(name) = ?3 and " + (parentId == null ? "parentId is null" : "parentId = ?4"),
                        parentId == null ? new Object[]{actor.tenant(), actor.userId(), clean.toLowerCase()}
                                : new Object[]{actor.tenant(), actor.userId(), clean.toLowerCase(), parentId}).firstResult()
                .chain(existing -> {
                    if (existing != null) {
                        throw ProblemException.conflict("deck-exists", "you already have a deck named '" + clean + "' here");
                    }
                    Deck deck = new Deck();
                    deck.id = UUID.randomUUID();
                    deck.tenant = actor.tenant();
                    deck.ownerId = actor.userId();
                    deck.name = clean;
                    deck.parentId = parentId;
                    deck.createdAt = Instant.now().truncatedTo(ChronoUnit.MICROS);
                    deck.updatedAt = deck.createdAt;
                    return deck.<Deck>persist();
                }));
    }

    /** The deck in this tenant, or 404. */
    public Uni<Deck> find(Actor actor, UUID id) {
        return Deck.<Deck>find("id = ?1 and tenant = ?2", id, actor.tenant()).firstResult().map(deck -> {
            if (deck == null) {
                throw ProblemException.notFound("deck", id.toString());
            }
            return deck;
        });
    }

    /** Renames and/or moves a deck under another (null parent = top level); refuses cycles. In a transaction. */
    public Uni<Deck> change(Actor actor, UUID id, String name, UUID newParent, boolean moveToTop) {
        return find(actor, id).chain(deck -> {
            if (!actor.canWriteDeck(deck.ownerId)) {
                throw ProblemException.forbidden("only the deck's owner or an admin may change it");
            }
            if (name != null) {
                deck.name = validName(name);
            }
            Uni<Void> move = Uni.createFrom().voidItem();
            if (moveToTop) {
                deck.parentId = null;
            } else if (newParent != null) {
                move = ancestors(actor, newParent).invoke(chain -> {
                    if (chain.contains(deck.id)) {
                        throw ProblemException.conflict("deck-cycle", "a deck cannot be moved under itself or its own sub-deck");
                    }
                    if (chain.size() >= MAX_DEPTH) {
                        throw ProblemException.invalid("parentId", "decks nest at most " + MAX_DEPTH + " deep");
                    }
                    deck.parentId = newParent;
                }).replaceWithVoid();
            }
            deck.updatedAt = Instant.now().truncatedTo(ChronoUnit.MICROS);
            return move.replaceWith(deck);
        });
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
            seen.add(parent.id);
            return walk(actor, parent, seen);
        });
    }

    private Uni<Deck> parent(Actor actor, UUID parentId) {
        return parentId == null ? Uni.createFrom().nullItem() : ancestors(actor, parentId).chain(chain -> {
            if (chain.size() >= MAX_DEPTH) {
                throw ProblemException.invalid("parentId", "decks nest at most " + MAX_DEPTH + " deep");
            }
            return find(actor, parentId);
        });
    }

    public Uni<List<Deck>> list(Actor actor) {
        return Panache.withSession(() -> Deck.<Deck>list("tenant = ?1 order by lower(name), id", actor.tenant()));
    }

    static String validName(String name) {
        String clean = name == null ? "" : name.strip();
        if (clean.isEmpty() || clean.length() > 200 || clean.contains("/")) {
            throw ProblemException.invalid("name", "must be 1 to 200 characters without '/'");
        }
        return clean;
    }
}
