package dev.recall.events;

/** The data of one Recall event. Each record is a fact in the past tense. */
public sealed interface EventData
        permits NoteEvents.NotePublished, NoteEvents.NoteUpdated, NoteEvents.NoteDeleted,
        ItemEvents.ItemsUpserted, ItemEvents.ItemsRetired, AnswerGraded, ReviewRecorded {
}
