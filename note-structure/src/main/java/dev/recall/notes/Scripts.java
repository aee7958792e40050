package dev.recall.notes;

/** Which scripts a text uses, by one pass over its code points (what {@code \p{IsHan}} finds, without a regex). */
final class Scripts {

    private Scripts() {
    }

    /** Any character of the Han script. */
    static boolean hasHan(CharSequence text) {
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c < 0x2E80) {
                continue;
            }
            int cp = Character.codePointAt(text, i);
            if (Character.UnicodeScript.of(cp) == Character.UnicodeScript.HAN) {
                return true;
            }
            if (Character.isSupplementaryCodePoint(cp)) {
                i++;
            }
        }
        return false;
    }
}
