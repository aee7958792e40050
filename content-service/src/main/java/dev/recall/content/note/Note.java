package dev.recall.content.note;

import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Transient;
import dev.recall.content.outline.OutlineParser;
import dev.recall.events.NoteEvents.Section;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

@Entity
@Table(name = "note")
public class Note extends PanacheEntityBase {

    @Id
    public UUID id;
    public String tenant;
    @Column(name = "author_id")
    public String authorId;
    public String title;
    public String markdown;
    public String[] tags;
    @Column(name = "deck_id")
    public String deckId;
    public String language;
    public String visibility;
    public long version;
    @Column(name = "created_at")
    public Instant createdAt;
    @Column(name = "updated_at")
    public Instant updatedAt;
    @Column(name = "deleted_at")
    public Instant deletedAt;

    /** The outline of {@link #outlineOf}, kept so one request parses the note once (response view and event snapshot). */
    @Transient
    private List<Section> outline;
    @Transient
    private String outlineOf;

    /** The flat sections of the current Markdown, parsed once per Markdown string this entity holds. */
    public List<Section> outline() {
        String current = markdown;
        if (outline == null || outlineOf != current) {
            outline = OutlineParser.outline(current);
            outlineOf = current;
        }
        return outline;
    }
}
