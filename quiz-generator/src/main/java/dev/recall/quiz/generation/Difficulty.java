package dev.recall.quiz.generation;

/** A hint for ordering new cards: recognising is easier than recalling, recalling a list is hardest. */
public enum Difficulty {
    EASY, MEDIUM, HARD
}
