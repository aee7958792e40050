package dev.recall.quiz.item;

import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.time.Instant;

@Entity
@Table(name = "item")
public class Item extends PanacheEntityBase {

    @Id
    public String id;
    public String tenant;
    @Column(name = "note_id")
    public String noteId;
    @Column(name = "deck_id")
    public String deckId;
    public String type;
    public String prompt;
    public String[] answers;
    public String[] options;
    @Column(name = "heading_path")
    public String[] headingPath;
    /** The note outline's section this item comes from (null before the first heading). */
    @Column(name = "section_id")
    public String sectionId;
    public String explanation;
    public String[] tags;
    @Column(name = "note_version")
    public long noteVersion;
    @Column(name = "created_at")
    public Instant createdAt;
    @Column(name = "updated_at")
    public Instant updatedAt;
    @Column(name = "retired_at")
    public Instant retiredAt;
    @Column(name = "start_line")
    public int startLine;
    @Column(name = "end_line")
    public int endLine;
    public String difficulty;
    public String generator;
}
