package dev.recall.content.search;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * A user's query split for PostgreSQL: {@code latin} goes to {@code websearch_to_tsquery('english', ...)}
 * (quotes, -exclusion, OR), {@code cjk} is a tsquery of bigram phrases built here from CJK characters
 * only (so it needs no escaping), and {@code terms} are what the highlighter marks.
 */
public record SearchQuery(String latin, String cjk, List<String> terms) {

    public static SearchQuery parse(String q) {
        StringBuilder latin = new StringBuilder();
        List<String> runs = SearchText.split(q, latin);
        List<String> phrases = runs.stream().map(SearchText::phrase).map(p -> "(" + p + ")").toList();
        List<String> terms = new ArrayList<>(runs);
        for (String word : latin.toString().split("[^\\p{L}\\p{N}]+")) {
            if (!word.isBlank() && !word.equalsIgnoreCase("or")) {
                terms.add(word.toLowerCase(Locale.ROOT));
            }
        }
        String latinText = latin.toString().strip();
        return new SearchQuery(latinText.isEmpty() ? null : latinText,
                phrases.isEmpty() ? null : String.join(" & ", phrases), List.copyOf(terms));
    }

    public boolean isEmpty() {
        return latin == null && cjk == null;
    }
}
