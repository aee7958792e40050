package dev.recall.quiz.generation;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.text.Normalizer;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/** Text helpers shared by the generators: normalisation, language, similarity and item ids. */
public final class Text {

    private static final Pattern INLINE_CODE = Pattern.compile("(`+)([^`\\n]{1,500}?)\\1(?!`)");
    private static final Pattern STRONG = Pattern.compile("\\*\\*(.+?)\\*\\*");
    private static final Pattern UNDERSCORE_STRONG = Pattern.compile("__(.+?)__");
    private static final Pattern HIGHLIGHT = Pattern.compile("==(.+?)==");
    private static final Pattern EMPHASIS = Pattern.compile("(?<![*\\w])\\*(?!\\s)([^*\\n]{1,300}?)(?<!\\s)\\*(?![*\\w])");
    private static final Pattern HAN = Pattern.compile("\\p{IsHan}");

    private Text() {
    }

    /** For comparing and ids: NFKC (full-width to half-width), lower case, no punctuation, symbols or white space. */
    public static String normalise(String text) {
        if (text == null) {
            return "";
        }
        boolean ascii = true;
        for (int i = 0; i < text.length() && ascii; i++) {
            ascii = text.charAt(i) < 0x80;
        }
        if (ascii) {
            StringBuilder out = new StringBuilder(text.length());
            for (int i = 0; i < text.length(); i++) {
                char c = text.charAt(i);
                if (c >= 'A' && c <= 'Z') {
                    out.append((char) (c + 32));
                } else if (c >= 'a' && c <= 'z' || c >= '0' && c <= '9' || (c < 0x20 || c == 0x7f) && !Character.isWhitespace(c)) {
                    out.append(c);
                }
            }
            return out.toString();
        }
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

    public static boolean isChinese(String text) {
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c >= 0x2E80 && (c >= 0x3400 && c <= 0x9FFF || c >= 0xF900 && c <= 0xFAFF || Character.UnicodeScript.of(c) == Character.UnicodeScript.HAN)) {
                return true;
            }
        }
        return false;
    }

    /** Removes Markdown emphasis and highlight markers, keeping the words. */
    public static String plain(String markdown) {
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
        String text = STRONG.matcher(markdown).replaceAll("$1");
        text = UNDERSCORE_STRONG.matcher(text).replaceAll("$1");
        text = HIGHLIGHT.matcher(text).replaceAll("$1");
        return EMPHASIS.matcher(text).replaceAll("$1").replace("\\*", "*");
    }

    /** Dice coefficient over character bigrams of the normalised texts: 1 for equal, 0 for nothing shared. */
    public static double similarity(String a, String b) {
        String x = normalise(a);
        String y = normalise(b);
        if (x.equals(y)) {
            return 1;
        }
        if (x.length() < 2 || y.length() < 2) {
            return 0;
        }
        Map<String, Integer> bigrams = new HashMap<>();
        for (int i = 0; i < x.length() - 1; i++) {
            bigrams.merge(x.substring(i, i + 2), 1, Integer::sum);
        }
        int shared = 0;
        for (int i = 0; i < y.length() - 1; i++) {
            String bigram = y.substring(i, i + 2);
            Integer count = bigrams.get(bigram);
            if (count != null && count > 0) {
                shared++;
                bigrams.put(bigram, count - 1);
            }
        }
        return 2.0 * shared / (x.length() - 1 + y.length() - 1);
    }

    /** A stable id: SHA-256 over the note, heading path, generator and a normalised key, as 32 hex digits. */
    public static String id(String noteId, List<String> headingPath, String generator, String key) {
        try {
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            String material = noteId + '\u0000' + String.join("\u0001", headingPath.stream().map(Text::normalise).toList())
                    + '\u0000' + generator + '\u0000' + normalise(key);
            return HexFormat.of().formatHex(sha.digest(material.getBytes(StandardCharsets.UTF_8)), 0, 16);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** A seed for deterministic shuffles and distractor picks, from an item id. */
    public static long seed(String id) {
        return Long.parseUnsignedLong(id.substring(0, 15), 16);
    }

    public static String truncate(String text, int max) {
        return text.length() <= max ? text : text.substring(0, max - 1) + "…";
    }
}
