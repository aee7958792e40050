package dev.recall.quiz.generation.rules;

import dev.recall.quiz.generation.Difficulty;
import dev.recall.quiz.generation.ItemType;
import dev.recall.quiz.generation.NoteDocument;
import dev.recall.quiz.generation.QuizItem;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Which keyword or line is missing from the code: a decorator line ({@code @log}), {@code yield}, {@code nonlocal},
 * {@code global}, {@code await}, or a call the prose of the section names (plain text has no inline code, so
 * names are found as words of the prose that the code uses). Only whole identifiers are blanked, never a bracket,
 * quote or operator. Fenced Markdown code keeps its inline-code rule; this one adds the keywords the note explains.
 */
public final class CodeKeywordRule {

    private static final Set<String> KEYWORDS = Set.of("yield", "nonlocal", "global", "await", "async", "lambda", "with", "super", "static",
            "volatile", "synchronized", "final", "const", "let");
    private static final Pattern WORD = Pattern.compile("[A-Za-z_@][A-Za-z0-9_.]*[A-Za-z0-9_]|@[A-Za-z_]\\w*");
    private static final Pattern DECORATOR = Pattern.compile("(?m)^\\s*(@[A-Za-z_][\\w.]*)(?:\\(.*\\))?\\s*$");
    private static final Set<String> COMMON = Set.of("the", "and", "for", "with", "this", "that", "def", "int", "str", "return", "print",
            "class", "import", "from", "new", "public", "void", "true", "false", "none", "null", "self", "func", "args", "kwargs");

    private CodeKeywordRule() {
    }

    public static List<QuizItem> items(SectionContext ctx, NoteDocument.Block code) {
        String source = code.code() == null ? "" : code.code().stripTrailing();
        if (source.isEmpty() || source.length() > 1500) {
            return List.of();
        }
        Set<String> prose = proseWords(ctx);
        // Names are blanked where the code uses them, not where a string or a comment only spells them ("Hello" in f"Hello {name}").
        String uses = withoutLiteralsAndComments(source, code.language());
        String heading = ctx.section().heading().toLowerCase(Locale.ROOT);
        List<String> blanks = new ArrayList<>();
        Matcher decorator = DECORATOR.matcher(source);
        if (decorator.find() && (prose.contains(decorator.group(1)) || heading.contains("装饰器") || heading.contains("decorator")
                || ctx.plain(ctx.blocks().get(0)).contains("装饰器"))) {
            blanks.add(decorator.group(1));
        }
        for (String keyword : KEYWORDS) {
            if (containsWord(uses, keyword) && (prose.contains(keyword) || heading.contains(keyword))) {
                blanks.add(keyword);
            }
        }
        for (String name : prose) {
            if (blanks.size() >= 3) {
                break;
            }
            String bare = name.startsWith("@") ? name.substring(1) : name;
            if (bare.length() >= 4 && !COMMON.contains(bare.toLowerCase(Locale.ROOT)) && !blanks.contains(name) && containsWord(uses, bare)
                    && bare.chars().anyMatch(c -> c == '_' || c == '.' || Character.isUpperCase(c) || Character.isDigit(c))) {
                blanks.add(bare);
            }
        }
        if (blanks.isEmpty() && !"http".equals(code.language())) { // a word of a request's path is trivia
            // Nothing the prose names: the word of the heading path the code spells out ("kind: Deployment").
            for (String title : ctx.section().headingPath()) {
                Matcher m = WORD.matcher(title);
                while (m.find() && blanks.isEmpty()) {
                    String word = m.group().endsWith("s") ? m.group().substring(0, m.group().length() - 1) : m.group();
                    if (word.length() >= 4 && !COMMON.contains(word.toLowerCase(Locale.ROOT))) {
                        // the word as the code spells it, in any case of its letters
                        int at = WholeWord.findIgnoringAsciiCase(uses, word, "@");
                        if (at >= 0) {
                            blanks.add(source.substring(at, at + word.length()));
                        }
                    }
                }
            }
        }
        List<QuizItem> items = new ArrayList<>();
        for (String blank : blanks.subList(0, Math.min(2, blanks.size()))) {
            String blanked = WholeWord.replaceAll(source, blank, "@", "____");
            items.add(ctx.item("code-missing", ItemType.CLOZE, blank).prompt(missingPrompt(ctx, code, blanked)).answer(blank).lines(code).difficulty(Difficulty.MEDIUM).build());
        }
        return items;
    }

    /** "Which keyword or call is missing" over the code block with its blanks, fenced in the block's language. */
    static String missingPrompt(SectionContext ctx, NoteDocument.Block code, String blanked) {
        return ctx.wording().missing(ctx.zh() ? "关键字或调用" : "keyword or call") + "\n```" + code.language() + "\n" + blanked + "\n```";
    }

    private static final Object PROSE_WORDS = new Object();

    /** The first 60 distinct words of the section's prose (not code, not tables), in order; once per section. */
    private static Set<String> proseWords(SectionContext ctx) {
        return ctx.memo(PROSE_WORDS, () -> {
            Set<String> prose = new LinkedHashSet<>();
            for (NoteDocument.Block block : ctx.blocks()) {
                if (block.kind() != NoteDocument.Kind.CODE && block.kind() != NoteDocument.Kind.TABLE) {
                    Matcher m = WORD.matcher(ctx.plain(block));
                    while (m.find() && prose.size() < 60) {
                        prose.add(m.group());
                    }
                }
            }
            return prose;
        });
    }

    /**
     * {@code code} with the insides of its string literals and its line comments blanked out (the same length, so
     * offsets stay): quotes ' " and ` with backslash escapes; comments after # (Python, shell, YAML, Dockerfile) or
     * // (Java, JavaScript, Go, ...), outside strings.
     */
    public static String withoutLiteralsAndComments(String code, String language) {
        boolean hash = language == null || HASH_COMMENTS.contains(language);
        StringBuilder out = new StringBuilder(code);
        char quote = 0;
        boolean comment = false;
        for (int i = 0; i < code.length(); i++) {
            char c = code.charAt(i);
            if (c == '\n') {
                comment = false;
                quote = quote == '`' ? quote : 0; // a line ends a quoted string (an apostrophe must not hide the code below it)
                continue;
            }
            if (comment) {
                out.setCharAt(i, ' ');
            } else if (quote != 0) {
                if (c == '\\' && i + 1 < code.length() && code.charAt(i + 1) != '\n') {
                    out.setCharAt(i, ' ');
                    out.setCharAt(++i, ' ');
                } else if (c == quote) {
                    quote = 0;
                } else {
                    out.setCharAt(i, ' ');
                }
            } else if (c == '"' || c == '\'' || c == '`') {
                quote = c;
            } else if (hash ? c == '#' : c == '/' && i + 1 < code.length() && code.charAt(i + 1) == '/') {
                comment = true;
                out.setCharAt(i, ' ');
            }
        }
        return out.toString();
    }

    /** The languages whose line comments start with #. */
    private static final Set<String> HASH_COMMENTS = Set.of("python", "shell", "bash", "sh", "yaml", "dockerfile", "text", "");

    private static boolean containsWord(String code, String word) {
        for (int at = code.indexOf(word); at >= 0; at = code.indexOf(word, at + 1)) {
            boolean before = at == 0 || !isWordChar(code.charAt(at - 1)) && code.charAt(at - 1) != '@';
            int end = at + word.length();
            if (before && (end == code.length() || !isWordChar(code.charAt(end)))) {
                return true;
            }
        }
        return false;
    }

    private static boolean isWordChar(char c) {
        return Character.isLetterOrDigit(c) || c == '_';
    }
}
