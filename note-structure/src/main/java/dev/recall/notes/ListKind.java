package dev.recall.notes;

/** What a list is: unordered points, numbered points, or numbered steps of a process ("Step 1", "第一步", "首先…"). */
public enum ListKind {
    BULLETS, NUMBERED, STEPS
}
