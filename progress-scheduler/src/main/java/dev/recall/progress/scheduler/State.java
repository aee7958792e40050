package dev.recall.progress.scheduler;

/** A card's learning state; the ordinal is ts-fsrs's numeric State. */
public enum State {
    NEW, LEARNING, REVIEW, RELEARNING
}
