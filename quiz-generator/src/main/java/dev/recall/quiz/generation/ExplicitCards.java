package dev.recall.quiz.generation;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The learner's own card syntax: {@code Q::A}, {@code Q:::A} (both directions), a line {@code ?} or {@code ??}
 * between question and answer lines, and clozes {@code ==x==}, {@code {{x}}}, {@code {{c1::x::hint}}}
 * (same number = one card) and {@code **x**} when the note asks for bold clozes. Inline code is masked
 * before any of this is looked for, so code never turns into a card.
 */
final class ExplicitCards {

    private static final Pattern HIGHLIGHT = Pattern.compile("==([^=\\n]+?)==");
    private static final Pattern BRACES = Pattern.compile("\\{\\{(?:c(\\d{1,4})::)?([^\\n]{1,300}?)(?:::([^{}\\n]{0,100}?))?}}");
    /** More clozes than this in one block are not a card anyone wants; the rest of the block is ignored. */
    private static final int MAX_CLOZES = 30;
    private static final Pattern BOLD = Pattern.compile("\\*\\*([^*\\n]+?)\\*\\*");

    private ExplicitCards() {
    }

    static List<QuizItem> from(NoteDocument doc, NoteDocument.Section section, NoteDocument.Block block, ItemFactory factory) {
        List<QuizItem> items = new ArrayList<>();
        switch (block.kind()) {
            case PARAGRAPH -> {
                items.addAll(separated(doc, section, block, factory));
                if (items.isEmpty()) {
                    items.addAll(inline(doc, section, block, block.raw(), factory));
                }
                if (items.isEmpty()) {
                    items.addAll(clozes(doc, section, block, block.raw(), factory));
                }
            }
            case BULLET_LIST, ORDERED_LIST -> {
                for (String item : block.items()) {
                    List<QuizItem> found = inline(doc, section, block, item, factory);
                    items.addAll(found.isEmpty() ? clozes(doc, section, block, item, factory) : found);
                }
            }
            default -> {
            }
        }
        return items;
    }

    /** Lines of the form {@code question::answer} or {@code question:::answer}. */
    private static List<QuizItem> inline(NoteDocument doc, NoteDocument.Section section, NoteDocument.Block block, String text,
                                         ItemFactory factory) {
        List<QuizItem> items = new ArrayList<>();
        if (!text.contains("::")) {
            return items; // no line can be a card (removing clozes cannot make "::" on a line that keeps none)
        }
        for (String line : text.split("\n")) {
            String outsideClozes = BRACES.matcher(line).replaceAll("");
            int triple = outsideClozes.indexOf(":::");
            int pair = outsideClozes.indexOf("::");
            if (pair < 0 || BRACES.matcher(line).find()) {
                continue;
            }
            boolean reversed = triple >= 0 && triple == pair;
            int at = reversed ? line.indexOf(":::") : line.indexOf("::");
            String question = doc.unmask(line.substring(0, at)).strip();
            String answer = doc.unmask(line.substring(at + (reversed ? 3 : 2))).strip();
            if (question.isEmpty() || answer.isEmpty() || answer.startsWith(":")) {
                continue;
            }
            items.addAll(card(section, block, question, answer, reversed, factory));
        }
        return items;
    }

    /** A paragraph whose lines are a question, a line "?" (or "??" for both directions), and an answer. */
    private static List<QuizItem> separated(NoteDocument doc, NoteDocument.Section section, NoteDocument.Block block, ItemFactory factory) {
        if (block.raw().indexOf('?') < 0) {
            return List.of();
        }
        String[] lines = block.raw().split("\n");
        for (int i = 1; i < lines.length - 1; i++) {
            String marker = lines[i].strip();
            if (marker.equals("?") || marker.equals("??")) {
                String question = doc.unmask(String.join("\n", java.util.Arrays.copyOfRange(lines, 0, i))).strip();
                String answer = doc.unmask(String.join("\n", java.util.Arrays.copyOfRange(lines, i + 1, lines.length))).strip();
                return card(section, block, question, answer, marker.equals("??"), factory);
            }
        }
        return List.of();
    }

    private static List<QuizItem> card(NoteDocument.Section section, NoteDocument.Block block, String question, String answer,
                                       boolean reversed, ItemFactory factory) {
        List<QuizItem> items = new ArrayList<>();
        items.add(factory.item("explicit", question, ItemType.BASIC, Text.plain(question), List.of(Text.plain(answer)), null,
                null, section, block.startLine(), block.endLine(), Difficulty.MEDIUM));
        if (reversed) {
            items.add(factory.item("explicit", question, ItemType.REVERSED, Text.plain(answer), List.of(Text.plain(question)), null,
                    null, section, block.startLine(), block.endLine(), Difficulty.MEDIUM));
        }
        return items;
    }

    private record Cloze(int start, int end, int group, String answer, String hint) {
    }

    /** Adds the matches that do not start inside an earlier cloze (at most {@link #MAX_CLOZES} in all). */
    private static void addOutside(List<Cloze> found, Matcher matcher, java.util.function.BiFunction<Integer, Matcher, Cloze> make) {
        List<Cloze> earlier = new ArrayList<>(found);
        earlier.sort(java.util.Comparator.comparingInt(Cloze::start));
        int next = 0;
        while (matcher.find() && found.size() < MAX_CLOZES) {
            int start = matcher.start();
            while (next < earlier.size() && earlier.get(next).end() <= start) {
                next++;
            }
            if (next == earlier.size() || start < earlier.get(next).start()) {
                found.add(make.apply(start, matcher));
            }
        }
    }

    /** One CLOZE item per cloze group of the text; ungrouped clozes form group 0. */
    private static List<QuizItem> clozes(NoteDocument doc, NoteDocument.Section section, NoteDocument.Block block, String text,
                                         ItemFactory factory) {
        boolean braced = text.contains("{{");
        boolean highlighted = text.contains("==");
        if (!braced && !highlighted && !(doc.boldCloze && text.contains("**"))) {
            return List.of(); // every cloze marker starts with one of these
        }
        List<Cloze> found = new ArrayList<>();
        Matcher braces = BRACES.matcher(braced ? text : "");
        while (braces.find() && found.size() < MAX_CLOZES) {
            found.add(new Cloze(braces.start(), braces.end(), braces.group(1) == null ? 0 : Integer.parseInt(braces.group(1)),
                    braces.group(2), braces.group(3)));
        }
        if (highlighted) {
            addOutside(found, HIGHLIGHT.matcher(text), (start, m) -> new Cloze(start, m.end(), 0, m.group(1), null));
        }
        if (doc.boldCloze) {
            addOutside(found, BOLD.matcher(text), (start, m) -> new Cloze(start, m.end(), 0, m.group(1), null));
        }
        if (found.isEmpty()) {
            return List.of();
        }
        found.sort(java.util.Comparator.comparingInt(Cloze::start));
        // Overlapping markers (e.g. ==x== inside {{...}}): the first one wins.
        List<Cloze> disjoint = new ArrayList<>();
        for (Cloze cloze : found) {
            if (disjoint.isEmpty() || cloze.start() >= disjoint.get(disjoint.size() - 1).end()) {
                disjoint.add(cloze);
            }
        }
        found = disjoint;
        Map<Integer, List<Cloze>> groups = new LinkedHashMap<>();
        for (Cloze cloze : found) {
            groups.computeIfAbsent(cloze.group(), g -> new ArrayList<>()).add(cloze);
        }
        List<QuizItem> items = new ArrayList<>();
        for (Map.Entry<Integer, List<Cloze>> group : groups.entrySet()) {
            StringBuilder prompt = new StringBuilder();
            int at = 0;
            List<String> answers = new ArrayList<>();
            for (Cloze cloze : found) {
                prompt.append(text, at, cloze.start());
                if (cloze.group() == group.getKey()) {
                    prompt.append('[').append(cloze.hint() == null || cloze.hint().isBlank() ? "..." : cloze.hint().strip()).append(']');
                    answers.add(Text.plain(doc.unmask(cloze.answer())).strip());
                } else {
                    prompt.append(cloze.answer());
                }
                at = cloze.end();
            }
            prompt.append(text.substring(at));
            String shown = Text.plain(doc.unmask(prompt.toString()));
            String source = Text.plain(doc.unmask(text));
            items.add(factory.item("cloze", "c" + group.getKey() + ":" + String.join("|", answers), ItemType.CLOZE, shown, answers,
                    null, source, section, block.startLine(), block.endLine(), Difficulty.MEDIUM));
        }
        return items;
    }
}
