package dev.recall.quiz.generation;

public enum ItemType {
    BASIC, REVERSED, CLOZE, MULTIPLE_CHOICE, TRUE_FALSE, ORDERING, MATCHING
}
