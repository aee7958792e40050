package dev.recall.progress.card;

import java.util.List;

/** One page of cards; {@code nextCursor} is null on the last page. */
public record CardPage(List<CardView> items, String nextCursor) {
}
