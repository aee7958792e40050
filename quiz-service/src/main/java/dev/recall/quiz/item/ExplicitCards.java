package dev.recall.quiz.item;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;

/**
 * The walking skeleton's generator: one basic card per {@code Question::Answer} line outside code
 * fences. The id hashes note id and normalised question, so rewording the answer keeps the card.
 */
public final class ExplicitCards {

    private ExplicitCards() {
    }

    public static List<GeneratedItem> generate(String noteId, String markdown) {
        List<GeneratedItem> items = new ArrayList<>();
        List<String> headingPath = new ArrayList<>();
        boolean inFence = false;
        for (String raw : markdown.replace("\r\n", "\n").split("\n")) {
            String line = raw.strip();
            if (line.startsWith("```") || line.startsWith("~~~")) {
                inFence = !inFence;
                continue;
            }
            if (inFence) {
                continue;
            }
            if (line.startsWith("#")) {
                int level = (int) line.chars().takeWhile(c -> c == '#').count();
                while (headingPath.size() >= level) {
                    headingPath.remove(headingPath.size() - 1);
                }
                headingPath.add(line.substring(level).strip());
                continue;
            }
            int separator = line.indexOf("::");
            if (separator <= 0 || line.startsWith(":::", separator)) {
                continue;
            }
            String question = line.substring(0, separator).strip();
            String answer = line.substring(separator + 2).strip();
            if (!question.isEmpty() && !answer.isEmpty()) {
                items.add(new GeneratedItem(id(noteId, question), "BASIC", question, List.of(answer), null,
                        List.copyOf(headingPath), null));
            }
        }
        return items;
    }

    private static String id(String noteId, String question) {
        try {
            String key = noteId + "\u0000BASIC\u0000" + question.toLowerCase().replaceAll("\\s+", " ");
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(key.getBytes(StandardCharsets.UTF_8));
            return "i-" + HexFormat.of().formatHex(digest, 0, 10);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
