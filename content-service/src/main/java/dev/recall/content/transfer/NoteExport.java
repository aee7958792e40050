package dev.recall.content.transfer;

import dev.recall.content.access.Actor;
import dev.recall.content.deck.Deck;
import dev.recall.content.deck.DeckService;
import dev.recall.content.note.Note;
import dev.recall.content.note.NoteQueries;
import dev.recall.platform.problem.ProblemException;
import dev.recall.platform.problem.Text;
import dev.recall.platform.worker.WorkerPool;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.config.inject.ConfigProperty;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

/**
 * Exports a deck and its sub-decks as a zip: one folder per deck, one Markdown file with front matter per
 * note the caller may read. The zip is built on a worker thread.
 */
@ApplicationScoped
public class NoteExport {

    /** Sub-decks deeper than this are not followed (decks nest at most 8 deep; this guards against bad data). */
    private static final int MAX_FOLDER_DEPTH = 16;

    public record Export(String fileName, byte[] zip) {
    }

    @Inject
    DeckService decks;

    @Inject
    NoteQueries queries;

    /**
     * Most Markdown one export holds, in characters: the archive is built in memory (notes, their text and the zip
     * at once), so a bigger deck is refused before anything is loaded rather than exhausting the heap.
     */
    @ConfigProperty(name = "recall.export.max-characters", defaultValue = "33554432")
    long maxCharacters;

    public Uni<Export> export(Actor actor, UUID deckId) {
        return decks.find(actor, deckId).chain(root -> decks.list(actor).chain(all -> {
            ArchiveNames names = new ArchiveNames();
            Map<UUID, String> folders = new LinkedHashMap<>();
            collect(root, "", all, folders, names, 0);
            List<String> deckIds = folders.keySet().stream().map(UUID::toString).toList();
            return queries.readableCharactersInDecks(actor, deckIds).chain(characters -> {
                if (characters > maxCharacters) {
                    throw new ProblemException(422, "export-too-large", Text.of("content.export.too-large", characters, maxCharacters));
                }
                return queries.readableInDecks(actor, deckIds);
            }).chain(notes -> WorkerPool.call(() -> new Export(ArchiveNames.segment(root.name) + ".zip", zip(notes, folders, names))));
        }));
    }

    private static byte[] zip(List<Note> notes, Map<UUID, String> folders, ArchiveNames names) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ZipOutputStream zip = new ZipOutputStream(bytes, StandardCharsets.UTF_8)) {
            for (Note note : notes) {
                zip.putNextEntry(new ZipEntry(names.file(folders.get(UUID.fromString(note.deckId)), note.title, ".md")));
                String text = FrontMatter.write(note.title, List.of(note.tags), note.language, note.visibility, note.markdown);
                zip.write(text.getBytes(StandardCharsets.UTF_8));
                zip.closeEntry();
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return bytes.toByteArray();
    }

    /** Gives each deck under {@code deck} (and itself) its folder inside the zip. */
    private static void collect(Deck deck, String parent, List<Deck> all, Map<UUID, String> folders, ArchiveNames names, int depth) {
        String folder = names.folder(parent, deck.name);
        folders.put(deck.id, folder);
        if (depth > MAX_FOLDER_DEPTH) {
            return;
        }
        for (Deck child : all) {
            if (deck.id.equals(child.parentId) && !folders.containsKey(child.id)) {
                collect(child, folder, all, folders, names, depth + 1);
            }
        }
    }
}
