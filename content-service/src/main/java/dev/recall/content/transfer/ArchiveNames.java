package dev.recall.content.transfer;

import java.text.Normalizer;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Entry names of an exported archive, from deck names and note titles a user chose. Every name is relative,
 * made of segments that no file system or archive tool reads as anything but a plain name (no {@code .} or
 * {@code ..}, no separators, drive letters, control or invisible characters, Windows device names or trailing dots),
 * and unique in its folder the way case-insensitive file systems compare names, so no entry escapes the root
 * or overwrites another when the archive is unpacked. One instance names one archive.
 */
public final class ArchiveNames {

    static final int MAX_SEGMENT = 100;
    private static final String FALLBACK = "untitled";
    private static final Set<String> DEVICES = devices();

    /** For each folder ("" is the root), the names taken in it, folded as a case-insensitive file system compares them. */
    private final Map<String, Set<String>> taken = new HashMap<>();

    /** A new folder for a deck inside {@code parent} ("" for the root, else a folder this instance returned): {@code parent/Name/}. */
    public String folder(String parent, String deckName) {
        return parent + unique(parent, segment(deckName), "") + "/";
    }

    /** A new file in {@code folder} (one this instance returned, or "" for the root): {@code folder/Title.ext}. */
    public String file(String folder, String title, String extension) {
        return folder + unique(folder, segment(title), extension);
    }

    private String unique(String folder, String base, String extension) {
        Set<String> names = taken.computeIfAbsent(folder, f -> new HashSet<>());
        String name = base + extension;
        for (int n = 2; !names.add(fold(name)); n++) {
            name = base + "-" + n + extension;
        }
        return name;
    }

    private static String fold(String name) {
        return name.toLowerCase(Locale.ROOT);
    }

    /** One path segment that every file system accepts and no reader resolves outside its folder; never empty. */
    public static String segment(String raw) {
        if (raw == null) {
            return FALLBACK;
        }
        String text = Normalizer.normalize(raw, Normalizer.Form.NFC);
        StringBuilder out = new StringBuilder();
        text.codePoints().forEach(cp -> {
            if (unsafe(cp)) {
                out.append('-');
            } else {
                out.appendCodePoint(cp);
            }
        });
        String name = trimEnd(out.toString().strip());
        // A leading dot hides the file on Unix (and the import skips hidden entries); "." and ".." are gone by now.
        int dots = 0;
        while (dots < name.length() && name.charAt(dots) == '.') {
            dots++;
        }
        name = "_".repeat(Math.min(dots, 1)) + name.substring(dots);
        if (name.codePointCount(0, name.length()) > MAX_SEGMENT) {
            name = trimEnd(name.substring(0, name.offsetByCodePoints(0, MAX_SEGMENT)));
        }
        if (name.isEmpty()) {
            return FALLBACK;
        }
        String stem = name.contains(".") ? name.substring(0, name.indexOf('.')) : name;
        if (DEVICES.contains(stem.strip().toUpperCase(Locale.ROOT))) {
            name = "_" + name;
        }
        return name;
    }

    /** Separators, characters Windows refuses, controls, and invisible format characters (bidi overrides). */
    private static boolean unsafe(int cp) {
        return "\\/:*?\"<>|".indexOf(cp) >= 0 || Character.isISOControl(cp)
                || Character.getType(cp) == Character.FORMAT || Character.getType(cp) == Character.LINE_SEPARATOR
                || Character.getType(cp) == Character.PARAGRAPH_SEPARATOR || Character.getType(cp) == Character.SURROGATE
                || Character.getType(cp) == Character.UNASSIGNED || Character.getType(cp) == Character.PRIVATE_USE;
    }

    /** Windows drops trailing dots and spaces, which would make "a." and "a" one file. */
    private static String trimEnd(String name) {
        int end = name.length();
        while (end > 0 && (name.charAt(end - 1) == '.' || Character.isWhitespace(name.charAt(end - 1)))) {
            end--;
        }
        return name.substring(0, end);
    }

    /**
     * A Content-Disposition for downloading {@code fileName} (RFC 6266): an ASCII {@code filename} for old
     * clients and the exact name as UTF-8 in {@code filename*}.
     */
    public static String contentDisposition(String fileName) {
        StringBuilder ascii = new StringBuilder();
        StringBuilder encoded = new StringBuilder();
        fileName.codePoints().forEach(cp -> ascii.append(cp >= 0x20 && cp < 0x7f && cp != '"' && cp != '\\' && cp != '%' ? (char) cp : '_'));
        for (byte b : fileName.getBytes(java.nio.charset.StandardCharsets.UTF_8)) {
            int c = b & 0xff;
            if (c < 0x80 && (Character.isLetterOrDigit(c) || "-._~".indexOf(c) >= 0)) {
                encoded.append((char) c);
            } else {
                encoded.append('%').append(String.format("%02X", c));
            }
        }
        return "attachment; filename=\"" + ascii + "\"; filename*=UTF-8''" + encoded;
    }

    private static Set<String> devices() {
        Set<String> names = new HashSet<>(Set.of("CON", "PRN", "AUX", "NUL", "CONIN$", "CONOUT$"));
        for (int i = 0; i <= 9; i++) {
            names.add("COM" + i);
            names.add("LPT" + i);
        }
        names.add("COM\u00b9");
        names.add("COM\u00b2");
        names.add("COM\u00b3");
        names.add("LPT\u00b9");
        names.add("LPT\u00b2");
        names.add("LPT\u00b3");
        return Set.copyOf(names);
    }
}
