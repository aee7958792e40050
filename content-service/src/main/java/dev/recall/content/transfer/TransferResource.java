package dev.recall.content.transfer;

import dev.recall.content.deck.Deck;
import dev.recall.content.deck.DeckService;
import dev.recall.content.note.Actor;
import dev.recall.content.note.Note;
import dev.recall.content.note.NoteRequest;
import dev.recall.content.note.NoteService;
import dev.recall.platform.auth.Caller;
import dev.recall.platform.outbox.Outbox;
import dev.recall.platform.problem.ProblemException;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.Validator;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.openapi.annotations.Operation;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

/** Import Markdown files or a zip of them (folders become decks); export a deck as a zip. */
@Path("/api/v1")
@RolesAllowed({Caller.LEARNER, Caller.AUTHOR, Caller.ADMIN})
public class TransferResource {

    public record ImportResult(int notes, int decks, List<String> noteIds) {
    }

    @Inject
    NoteService notes;

    @Inject
    DeckService decks;

    @Inject
    Outbox outbox;

    @Inject
    Validator validator;

    @Inject
    Caller caller;

    @POST
    @Path("/imports")
    @Consumes({"text/markdown", "text/plain", "application/zip", MediaType.APPLICATION_OCTET_STREAM})
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(summary = "Import a Markdown file or a zip of Markdown files",
            description = "Front matter gives title and tags; zip folders become (nested) decks. All or nothing; 413 beyond the limits.")
    public Uni<Response> importNotes(byte[] body, @QueryParam("name") String name, @QueryParam("visibility") String visibility,
                                     @jakarta.ws.rs.HeaderParam(HttpHeaders.CONTENT_TYPE) String contentType) {
        Actor actor = Actor.of(caller);
        if (!actor.author() && !actor.admin()) {
            throw ProblemException.forbidden("only authors and admins import notes");
        }
        ImportLimits limits = ImportLimits.DEFAULT;
        if (body == null || body.length == 0) {
            throw ProblemException.badRequest("empty-upload", "the upload is empty");
        }
        if (body.length > limits.maxUploadBytes()) {
            throw new ProblemException(413, "payload-too-large", "Upload too large", "uploads are limited to " + limits.maxUploadBytes() + " bytes");
        }
        List<MarkdownFile> files;
        try {
            boolean zip = contentType != null && (contentType.startsWith("application/zip") || contentType.startsWith(MediaType.APPLICATION_OCTET_STREAM));
            files = zip ? MarkdownArchive.zip(body, limits) : MarkdownArchive.single(name == null ? "note.md" : name, body, limits);
        } catch (ImportException e) {
            throw new ProblemException(e.status(), e.slug(), "Upload not importable", e.getMessage());
        }
        if (files.isEmpty()) {
            throw new ProblemException(422, "nothing-to-import", "Nothing to import", "the upload holds no .md or .markdown file");
        }
        List<NoteRequest> requests = new ArrayList<>();
        for (MarkdownFile file : files) {
            NoteRequest request = new NoteRequest(file.title().length() > 300 ? file.title().substring(0, 300) : file.title(), file.markdown(),
                    file.tags(), null, file.language(), file.visibility() != null ? file.visibility() : visibility);
            Set<ConstraintViolation<NoteRequest>> violations = validator.validate(request);
            if (!violations.isEmpty()) {
                ConstraintViolation<NoteRequest> v = violations.iterator().next();
                throw new ProblemException(422, "invalid-file", "A file cannot be imported",
                        String.join("/", file.folders()) + "/" + file.fileName() + ": " + v.getPropertyPath() + " " + v.getMessage());
            }
            requests.add(request);
        }
        return Panache.withTransaction(() -> {
                    Map<String, Deck> byPath = new HashMap<>();
                    Uni<List<String>> chain = Uni.createFrom().item(new ArrayList<>());
                    int[] createdDecks = {0};
                    for (int i = 0; i < files.size(); i++) {
                        MarkdownFile file = files.get(i);
                        NoteRequest request = requests.get(i);
                        chain = chain.chain(ids -> deckFor(actor, file.folders(), byPath, createdDecks)
                                .chain(deck -> notes.insert(actor, request, deck))
                                .map(note -> {
                                    ids.add(note.id.toString());
                                    return ids;
                                }));
                    }
                    return chain.map(ids -> new ImportResult(ids.size(), createdDecks[0], ids));
                })
                .invoke(outbox::committed)
                .map(result -> Response.status(201).entity(result).type(MediaType.APPLICATION_JSON).build());
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
            return Deck.<Deck>find("tenant = ?1 and ownerId = ?2 and lower(name) = ?3 and " + (parentId == null ? "parentId is null" : "parentId = ?4"),
                            parentId == null ? new Object[]{actor.tenant(), actor.userId(), name.toLowerCase()}
                                    : new Object[]{actor.tenant(), actor.userId(), name.toLowerCase(), parentId}).firstResult()
                    .chain(existing -> {
                        if (existing != null) {
                            return Uni.createFrom().item(existing);
                        }
                        created[0]++;
                        return decks.create(actor, name, parentId);
                    })
                    .invoke(deck -> byPath.put(path, deck));
        });
    }

    @GET
    @Path("/exports/decks/{id}")
    @Produces("application/zip")
    @Operation(summary = "Export a deck (and its sub-decks as folders) as a zip of Markdown files with front matter")
    public Uni<Response> export(@PathParam("id") UUID id) {
        Actor actor = Actor.of(caller);
        return Panache.withSession(() -> decks.find(actor, id).chain(root -> Deck.<Deck>list("tenant", actor.tenant()).chain(all -> {
            Map<UUID, String> folders = new LinkedHashMap<>();
            collect(root, "", all, folders, 0);
            List<String> deckIds = folders.keySet().stream().map(UUID::toString).toList();
            return Note.<Note>list("tenant = ?1 and deckId in ?2 and deletedAt is null order by title, id", actor.tenant(), deckIds)
                    .map(list -> {
                        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
                        try (ZipOutputStream zip = new ZipOutputStream(bytes, StandardCharsets.UTF_8)) {
                            Map<String, Integer> used = new HashMap<>();
                            for (Note note : list) {
                                if (!actor.canRead(note)) {
                                    continue;
                                }
                                String folder = folders.get(UUID.fromString(note.deckId));
                                String base = folder + fileName(note.title);
                                int n = used.merge(base, 1, Integer::sum);
                                zip.putNextEntry(new ZipEntry(base + (n > 1 ? "-" + n : "") + ".md"));
                                zip.write(withFrontMatter(note).getBytes(StandardCharsets.UTF_8));
                                zip.closeEntry();
                            }
                        } catch (IOException e) {
                            throw new IllegalStateException(e);
                        }
                        return Response.ok(bytes.toByteArray(), "application/zip")
                                .header("Content-Disposition", "attachment; filename=\"" + fileName(root.name) + ".zip\"").build();
                    });
        })));
    }

    private static void collect(Deck deck, String prefix, List<Deck> all, Map<UUID, String> folders, int depth) {
        String folder = prefix + fileName(deck.name) + "/";
        folders.put(deck.id, folder);
        if (depth > 16) {
            return;
        }
        for (Deck child : all) {
            if (deck.id.equals(child.parentId) && !folders.containsKey(child.id)) {
                collect(child, folder, all, folders, depth + 1);
            }
        }
    }

    static String fileName(String title) {
        String name = title.replaceAll("[\\\\/:*?\"<>|\\p{Cntrl}]", "-").strip();
        return name.isEmpty() ? "untitled" : name.length() > 100 ? name.substring(0, 100) : name;
    }

    static String withFrontMatter(Note note) {
        StringBuilder out = new StringBuilder("---\n");
        out.append("title: \"").append(note.title.replace("\\", "\\\\").replace("\"", "\\\"")).append("\"\n");
        out.append("tags: [").append(String.join(", ", java.util.Arrays.stream(note.tags).map(t -> "\"" + t.replace("\"", "") + "\"").toList()))
                .append("]\n");
        if (note.language != null) {
            out.append("language: ").append(note.language).append('\n');
        }
        out.append("visibility: ").append(note.visibility).append("\n---\n");
        return out.append(note.markdown).toString();
    }
}
