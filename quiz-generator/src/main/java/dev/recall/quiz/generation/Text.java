package dev.recall.quiz.generation;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.text.Normalizer;
import java.util.HexFormat;
import java.util.List;
import java.util.regex.Pattern;

/** Text helpers shared by the generators: normalisation, language, similarity and item ids. */
public final class Text {

    private static final Pattern INLINE_CODE = Pattern.compile("(`+)([^`\\n]{1,500}?)\\1(?!`)");
    // Strong emphasis opens before a non-space and closes after one, at word edges as CommonMark's flanking rules
    // have it, so "*args, **kwargs" and "__init__" in prose are not emphasis.
    private static final Pattern STRONG = Pattern.compile("(?<![*\\w])\\*\\*(?!\\s)(.+?)(?<!\\s)\\*\\*(?![*\\w])");
    private static final Pattern UNDERSCORE_STRONG = Pattern.compile("(?<!\\w)__(?!\\s)(.+?)(?<!\\s)__(?!\\w)");
    /** What a pair of double underscores around one word is in notes: a Python name ({@code __init__}), not bold. */
    private static final Pattern DUNDER_NAME = Pattern.compile("\\w+");
    private static final Pattern HIGHLIGHT = Pattern.compile("==(.+?)==");
    private static final Pattern EMPHASIS = Pattern.compile("(?<![*\\w])\\*(?!\\s)([^*\\n]{1,300}?)(?<!\\s)\\*(?![*\\w])");
    private static final Pattern HAN = Pattern.compile("\\p{IsHan}");

    /** One digest per thread: looking the algorithm up for every item costs more than hashing it. */
    private static final ThreadLocal<MessageDigest> SHA256 = ThreadLocal.withInitial(() -> {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    });

    private Text() {
    }

    /** For comparing and ids: NFKC (full-width to half-width), lower case, no punctuation, symbols or white space. */
    public static String normalise(String text) {
        if (text == null) {
            return "";
        }
        StringBuilder out = new StringBuilder(text.length());
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c < 0x80) {
                if (c >= 'A' && c <= 'Z') {
                    out.append((char) (c + 32));
                } else if (c >= 'a' && c <= 'z' || c >= '0' && c <= '9' || (c < 0x20 || c == 0x7f) && !Character.isWhitespace(c)) {
                    out.append(c);
                }
            } else if (c >= 0x4E00 && c <= 0x9FFF) {
                out.append(c); // CJK unified ideographs: NFKC leaves them as they are, and they have no case
            } else if (nfkcDropped(c)) {
                continue; // punctuation or a symbol before and after NFKC: dropped either way
            } else {
                return normaliseSlowly(text); // anything else (full-width letters, combining marks, ...) takes NFKC
            }
        }
        return out.toString();
    }

    /**
     * CJK and full-width punctuation, quotes, dashes and the simple arrows ("A → B → C" in process notes; ←↑→↓↔↕↖↗↘↙
     * have no decomposition): punctuation or a symbol before and after NFKC.
     */
    private static boolean nfkcDropped(char c) {
        return c >= 0x3001 && c <= 0x3003 || c >= 0x3008 && c <= 0x3011 || c >= 0x3014 && c <= 0x301F
                || c >= 0xFF01 && c <= 0xFF0F || c >= 0xFF1A && c <= 0xFF20 || c >= 0x2018 && c <= 0x201D
                || c == 0x2014 || c == 0x2013 || c == 0x2026 || c == 0x00B7 || c == 0x3000 || c >= 0x2190 && c <= 0x2199;
    }

    /** {@link #normalise} by NFKC for every character (what the fast path must agree with). */
    static String normaliseSlowly(String text) {
        String form = Normalizer.normalize(text, Normalizer.Form.NFKC);
        StringBuilder out = new StringBuilder(form.length());
        for (int i = 0; i < form.length(); ) {
            int c = form.codePointAt(i);
            i += Character.charCount(c);
            if (!Character.isWhitespace(c) && !isPunctuationOrSymbol(c)) {
                out.appendCodePoint(Character.toLowerCase(c));
            }
        }
        return out.toString();
    }

    private static boolean isPunctuationOrSymbol(int c) {
        return switch (Character.getType(c)) {
            case Character.CONNECTOR_PUNCTUATION, Character.DASH_PUNCTUATION, Character.START_PUNCTUATION, Character.END_PUNCTUATION,
                    Character.INITIAL_QUOTE_PUNCTUATION, Character.FINAL_QUOTE_PUNCTUATION, Character.OTHER_PUNCTUATION,
                    Character.MATH_SYMBOL, Character.CURRENCY_SYMBOL, Character.MODIFIER_SYMBOL, Character.OTHER_SYMBOL -> true;
            default -> false;
        };
    }

    /** Any character of the Han script (what {@code \\p{IsHan}} finds), in one pass without a regex. */
    public static boolean hasHan(String text) {
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c < 0x2E80) {
                continue;
            }
            int cp = text.codePointAt(i);
            if (Character.UnicodeScript.of(cp) == Character.UnicodeScript.HAN) {
                return true;
            }
            if (Character.isSupplementaryCodePoint(cp)) {
                i++;
            }
        }
        return false;
    }

    public static boolean isChinese(String text) {
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c >= 0x2E80 && (c >= 0x3400 && c <= 0x9FFF || c >= 0xF900 && c <= 0xFAFF || Character.UnicodeScript.of(c) == Character.UnicodeScript.HAN)) {
                return true;
            }
        }
        return false;
    }

    /** "**`__slots__`** is …": bold around inline code, which the split at the code would leave behind. */
    private static final Pattern STRONG_CODE = Pattern.compile("(?<!\\*)\\*\\*(`[^`\\n]{1,200}`)\\*\\*(?!\\*)");

    /** Removes Markdown emphasis and highlight markers, keeping the words. */
    public static String plain(String markdown) {
        if (markdown.contains("**`")) {
            markdown = STRONG_CODE.matcher(markdown).replaceAll(m -> java.util.regex.Matcher.quoteReplacement(m.group(1)));
        }
        if (markdown.indexOf('`') < 0) {
            return stripEmphasis(markdown).strip();
        }
        // Inline code is left as written: `__init__` and `{**a, **b}` are not emphasis.
        StringBuilder out = new StringBuilder();
        java.util.regex.Matcher code = INLINE_CODE.matcher(markdown);
        int at = 0;
        while (code.find()) {
            out.append(stripEmphasis(markdown.substring(at, code.start()))).append(code.group());
            at = code.end();
        }
        return out.append(stripEmphasis(markdown.substring(at))).toString().strip();
    }

    private static String stripEmphasis(String markdown) {
        if (markdown.indexOf('*') < 0 && markdown.indexOf('_') < 0 && markdown.indexOf('=') < 0) {
            return markdown;
        }
        String text = markdown.contains("**") ? STRONG.matcher(markdown).replaceAll("$1") : markdown;
        text = text.contains("__") ? UNDERSCORE_STRONG.matcher(text).replaceAll(m -> java.util.regex.Matcher.quoteReplacement(
                DUNDER_NAME.matcher(m.group(1)).matches() ? m.group() : m.group(1))) : text;
        text = text.contains("==") ? HIGHLIGHT.matcher(text).replaceAll("$1") : text;
        return text.indexOf('*') < 0 ? text : EMPHASIS.matcher(text).replaceAll("$1").replace("\\*", "*");
    }

    /**
     * {@code text} with its first letter in upper case, to start a sentence; unless its first word is a name written
     * as code would write it ({@code useState}, {@code iPhone}, {@code os.path}, {@code __init__}, {@code x2}), whose
     * case is part of the name.
     */
    public static String sentenceStart(String text) {
        if (text.isEmpty() || !Character.isLowerCase(text.charAt(0))) {
            return text;
        }
        for (int i = 1; i < text.length() && !Character.isWhitespace(text.charAt(i)); i++) {
            char c = text.charAt(i);
            if (Character.isUpperCase(c) || Character.isDigit(c) || c == '_' || c == '.' && i + 1 < text.length() && Character.isLetter(text.charAt(i + 1)) || c == '(') {
                return text;
            }
        }
        return Character.toUpperCase(text.charAt(0)) + text.substring(1);
    }

    /** Where the first of {@code chars} stands in {@code text}, or -1 when none does. */
    public static int indexOfAny(String text, String chars) {
        for (int i = 0; i < text.length(); i++) {
            if (chars.indexOf(text.charAt(i)) >= 0) {
                return i;
            }
        }
        return -1;
    }

    /** Dice coefficient over character bigrams of the normalised texts: 1 for equal, 0 for nothing shared. */
    public static double similarity(String a, String b) {
        return similarityOfNormalised(normalise(a), normalise(b));
    }

    /** {@link #similarity} of two texts already {@link #normalise normalised}. */
    static double similarityOfNormalised(String x, String y) {
        if (x.equals(y)) {
            return 1;
        }
        if (x.length() < 2 || y.length() < 2) {
            return 0;
        }
        // Shared bigrams counted with multiplicity (the sum over bigrams of the smaller count): two sorted arrays of
        // bigrams packed in ints, merged, instead of a map of two-character strings.
        int[] a = bigrams(x);
        int[] b = bigrams(y);
        int shared = 0;
        for (int i = 0, j = 0; i < a.length && j < b.length; ) {
            if (a[i] == b[j]) {
                shared++;
                i++;
                j++;
            } else if (a[i] < b[j]) {
                i++;
            } else {
                j++;
            }
        }
        return 2.0 * shared / (x.length() - 1 + y.length() - 1);
    }

    private static int[] bigrams(String text) {
        int[] out = new int[text.length() - 1];
        for (int i = 0; i < out.length; i++) {
            out[i] = text.charAt(i) << 16 | text.charAt(i + 1);
        }
        java.util.Arrays.sort(out);
        return out;
    }

    /**
     * The largest {@link #similarityOfNormalised} two normalised texts of these lengths can have (all bigrams of
     * the shorter one shared), so that a comparison that cannot reach a threshold is skipped.
     */
    static double similarityBound(int x, int y) {
        if (x < 2 || y < 2) {
            return x == y ? 1 : 0;
        }
        return 2.0 * (Math.min(x, y) - 1) / (x - 1 + y - 1);
    }

    /** A stable id: SHA-256 over the note, heading path, generator and a normalised key, as 32 hex digits. */
    public static String id(String noteId, List<String> headingPath, String generator, String key) {
        return idOfNormalisedPath(noteId, normalisedPath(headingPath), generator, key);
    }

    /** The heading path as {@link #id} hashes it. */
    static String normalisedPath(List<String> headingPath) {
        return String.join("\u0001", headingPath.stream().map(Text::normalise).toList());
    }

    static String idOfNormalisedPath(String noteId, String normalisedPath, String generator, String key) {
        // The digest of noteId \0 path \0 generator \0 key, fed part by part (the same bytes: the parts are whole strings).
        MessageDigest sha = SHA256.get();
        sha.update(noteId.getBytes(StandardCharsets.UTF_8));
        sha.update((byte) 0);
        sha.update(normalisedPath.getBytes(StandardCharsets.UTF_8));
        sha.update((byte) 0);
        sha.update(generator.getBytes(StandardCharsets.UTF_8));
        sha.update((byte) 0);
        sha.update(normalise(key).getBytes(StandardCharsets.UTF_8));
        return HexFormat.of().formatHex(sha.digest(), 0, 16);
    }

    /** A seed for deterministic shuffles and distractor picks, from an item id. */
    public static long seed(String id) {
        return Long.parseUnsignedLong(id.substring(0, 15), 16);
    }

    /** Any of the arrows that chain steps: →, ->, =>, ⇒. */
    public static boolean hasArrow(String text) {
        return text.indexOf('→') >= 0 || text.indexOf('⇒') >= 0 || text.contains("->") || text.contains("=>");
    }

    public static String truncate(String text, int max) {
        return text.length() <= max ? text : text.substring(0, max - 1) + "…";
    }
}
