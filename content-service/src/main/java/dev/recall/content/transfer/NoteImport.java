package dev.recall.content.transfer;

import dev.recall.platform.problem.Text;

import dev.recall.content.access.Actor;
import dev.recall.content.deck.Deck;
import dev.recall.content.deck.DeckService;
import dev.recall.content.note.NoteCommands;
import dev.recall.content.note.NoteRequest;
import dev.recall.content.note.TextRules;
import dev.recall.platform.problem.ProblemException;
import dev.recall.platform.problem.Violations;
import dev.recall.platform.worker.WorkerPool;
import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.Validator;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

/**
 * Imports a Markdown file or a zip of them: folders become (nested) decks of the importer's, found by name
 * or created. All or nothing: every file is read and validated (on a worker thread: unzipping is CPU work)
 * before one transaction stores them all.
 */
@ApplicationScoped
public class NoteImport {

    public record ImportResult(int notes, int decks, List<String> noteIds) {
    }

    /** One file ready to store: where it goes and what it holds. */
    private record Prepared(List<String> folders, NoteRequest request) {
    }

    @Inject
    NoteCommands notes;

    @Inject
    DeckService decks;

    @Inject
    Validator validator;

    /** {@code zip} says the body is an archive; otherwise it is the single file {@code name}. */
    public Uni<ImportResult> importUpload(Actor actor, byte[] body, boolean zip, String name, String visibility) {
        if (!actor.canCreate()) {
            throw ProblemException.forbidden(Text.of("content.import.forbidden"));
        }
        ImportLimits limits = ImportLimits.DEFAULT;
        if (body == null || body.length == 0) {
            throw ProblemException.badRequest("empty-upload", Text.of("content.import.empty"));
        }
        if (body.length > limits.maxUploadBytes()) {
            throw new ProblemException(413, "payload-too-large", Text.of("content.import.upload-too-large", limits.maxUploadBytes()));
        }
        return WorkerPool.call(() -> prepare(body, zip, name, visibility, limits)).chain(files -> store(actor, files));
    }

    private List<Prepared> prepare(byte[] body, boolean zip, String name, String visibility, ImportLimits limits) {
        List<MarkdownFile> files;
        try {
            files = zip ? MarkdownArchive.zip(body, limits) : MarkdownArchive.single(name == null ? "note.md" : name, body, limits);
        } catch (ImportException e) {
            throw new ProblemException(e.status(), e.slug(), e.text());
        }
        if (files.isEmpty()) {
            throw new ProblemException(422, "nothing-to-import", Text.of("content.import.nothing"));
        }
        List<Prepared> prepared = new ArrayList<>();
        for (MarkdownFile file : files) {
            String where = String.join("/", file.folders()) + "/" + file.fileName();
            List<String> folders = new ArrayList<>();
            for (String folder : file.folders()) {
                try {
                    folders.add(DeckService.validName(folder));
                } catch (ProblemException e) {
                    throw invalidFile(where, Text.of("content.import.folder-name", e.detail()));
                }
            }
            NoteRequest request = new NoteRequest(file.title().length() > 300 ? file.title().substring(0, 300) : file.title(), file.markdown(),
                    file.tags(), null, file.language(), file.visibility() != null ? file.visibility() : visibility);
            Set<ConstraintViolation<NoteRequest>> violations = validator.validate(request);
            if (!violations.isEmpty()) {
                ConstraintViolation<NoteRequest> v = violations.iterator().next();
                throw invalidFile(where, Text.of("validation.field", v.getPropertyPath().toString(), Violations.message(v)));
            }
            try {
                TextRules.requireValid("title", request.title());
                request.tags().forEach(t -> TextRules.requireValid("tags", t));
                TextRules.requireValid("language", request.language());
                TextRules.requireValid("visibility", request.visibility());
            } catch (ProblemException e) {
                throw invalidFile(where, e.detail());
            }
            prepared.add(new Prepared(folders, request));
        }
        return prepared;
    }

    private static ProblemException invalidFile(String where, Text why) {
        return new ProblemException(422, "invalid-file", Text.of("validation.field", where, why));
    }

    @WithTransaction
    Uni<ImportResult> store(Actor actor, List<Prepared> files) {
        Map<String, Deck> byPath = new HashMap<>();
        int[] createdDecks = {0};
        Uni<List<String>> chain = Uni.createFrom().item(new ArrayList<>());
        for (Prepared file : files) {
            chain = chain.chain(ids -> deckFor(actor, file.folders(), byPath, createdDecks)
                    .chain(deck -> notes.insert(actor, file.request(), deck))
                    .map(note -> {
                        ids.add(note.id.toString());
                        return ids;
                    }));
        }
        return chain.map(ids -> new ImportResult(ids.size(), createdDecks[0], ids));
    }

    /** A 409 from creating a deck, however the reactive layers wrapped it. */
    private static boolean deckExists(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof ProblemException p && p.status() == 409) {
                return true;
            }
        }
        return false;
    }

    /** The deck for a folder path, found by name under its parent or created (null for files at the top). */
    private Uni<Deck> deckFor(Actor actor, List<String> folders, Map<String, Deck> byPath, int[] created) {
        if (folders.isEmpty()) {
            return Uni.createFrom().nullItem();
        }
        String path = String.join("/", folders);
        Deck known = byPath.get(path);
        if (known != null) {
            return Uni.createFrom().item(known);
        }
        return deckFor(actor, folders.subList(0, folders.size() - 1), byPath, created).chain(parent -> {
            String name = folders.get(folders.size() - 1);
            UUID parentId = parent == null ? null : parent.id;
            return decks.ownNamed(actor, name, parentId)
                    .chain(existing -> {
                        if (existing != null) {
                            return Uni.createFrom().item(existing);
                        }
                        created[0]++;
                        // A concurrent import may create the same folder's deck first: the unique index makes this one
                        // wait for it (no row, a 409), then the deck is there to use.
                        return decks.create(actor, name, parentId)
                                .onFailure(NoteImport::deckExists)
                                .recoverWithUni(failure -> decks.ownNamed(actor, name, parentId).map(raced -> {
                                    if (raced == null) {
                                        throw failure instanceof RuntimeException r ? r : new IllegalStateException(failure);
                                    }
                                    created[0]--;
                                    return raced;
                                }));
                    })
                    .invoke(deck -> byPath.put(path, deck));
        });
    }
}
