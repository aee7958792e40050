package dev.recall.notes;

public enum BlockKind {
    PARAGRAPH, LIST, TABLE, CODE, QUOTE
}
