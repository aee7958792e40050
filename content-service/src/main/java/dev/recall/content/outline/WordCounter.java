package dev.recall.content.outline;

/**
 * Counts words the way readers of each script do: a run of letters or digits is one word in
 * alphabetic scripts (English, Korean Hangul between spaces), and every Han, Hiragana or Katakana
 * character counts as one word, because Chinese and Japanese are written without spaces.
 */
public final class WordCounter {

    private WordCounter() {
    }

    public static int count(CharSequence text) {
        int words = 0;
        boolean inWord = false;
        for (int i = 0; i < text.length(); ) {
            int cp = Character.codePointAt(text, i);
            i += Character.charCount(cp);
            if (isCjkCharacter(cp)) {
                words++;
                inWord = false;
            } else if (Character.isLetterOrDigit(cp) || (inWord && (cp == '\'' || cp == '’' || cp == '-' || cp == '_')
                    && i < text.length() && Character.isLetterOrDigit(Character.codePointAt(text, i)))) {
                if (!inWord) {
                    words++;
                    inWord = true;
                }
            } else if (Character.getType(cp) != Character.NON_SPACING_MARK) {
                inWord = false;
            }
        }
        return words;
    }

    /** Han ideographs and Japanese kana: scripts written without spaces between words. */
    public static boolean isCjkCharacter(int codePoint) {
        Character.UnicodeScript script = Character.UnicodeScript.of(codePoint);
        return script == Character.UnicodeScript.HAN || script == Character.UnicodeScript.HIRAGANA
                || script == Character.UnicodeScript.KATAKANA;
    }
}
