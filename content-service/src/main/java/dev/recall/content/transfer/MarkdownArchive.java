package dev.recall.content.transfer;

import dev.recall.platform.problem.Text;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.zip.ZipEntry;
import java.util.zip.ZipException;
import java.util.zip.ZipInputStream;

/**
 * Reads an upload into Markdown files, checking every limit while it reads (a zip bomb is stopped at the
 * unpacked-size limit, not after). Only {@code .md}/{@code .markdown} files are imported; hidden files and
 * macOS {@code __MACOSX} folders are skipped; anything else in the zip is reported as unsupported.
 */
public final class MarkdownArchive {

    private MarkdownArchive() {
    }

    public static List<MarkdownFile> single(String fileName, byte[] body, ImportLimits limits) {
        if (body.length > limits.maxFileBytes()) {
            throw new ImportException(413, "payload-too-large", Text.of("content.import.file-too-large", fileName, limits.maxFileBytes()));
        }
        return List.of(FrontMatter.read(List.of(), fileName, utf8(fileName, body)));
    }

    public static List<MarkdownFile> zip(byte[] body, ImportLimits limits) {
        List<MarkdownFile> files = new ArrayList<>();
        long unpacked = 0;
        int entries = 0;
        try (ZipInputStream zip = new ZipInputStream(new ByteArrayInputStream(body), StandardCharsets.UTF_8)) {
            for (ZipEntry entry = zip.getNextEntry(); entry != null; entry = zip.getNextEntry()) {
                if (++entries > limits.maxFiles() * 2) {
                    throw new ImportException(413, "payload-too-large", Text.of("content.import.too-many-entries", limits.maxFiles() * 2));
                }
                String name = entry.getName().replace('\\', '/');
                // Checked before anything is skipped: a slipping entry makes the whole archive suspect, even a hidden one.
                Text unsafe = unsafePath(name);
                if (unsafe != null) {
                    throw new ImportException(422, "invalid-archive", Text.of("content.import.unsafe-entry", printable(name), unsafe));
                }
                if (entry.isDirectory() || skipped(name)) {
                    continue;
                }
                List<String> parts = Arrays.stream(name.split("/")).filter(p -> !p.isEmpty()).toList();
                String fileName = parts.get(parts.size() - 1);
                if (!fileName.toLowerCase().matches(".*\\.(md|markdown)$")) {
                    throw new ImportException(422, "unsupported-file", Text.of("content.import.not-markdown", name));
                }
                if (files.size() == limits.maxFiles()) {
                    throw new ImportException(413, "too-many-files", Text.of("content.import.too-many-files", limits.maxFiles()));
                }
                if (parts.size() - 1 > limits.maxDepth()) {
                    throw new ImportException(422, "too-deep", Text.of("content.import.too-deep", name, limits.maxDepth()));
                }
                byte[] content = read(zip, name, limits.maxFileBytes());
                unpacked += content.length;
                if (unpacked > limits.maxUnpackedBytes()) {
                    throw new ImportException(413, "payload-too-large", Text.of("content.import.unpacks-too-large", limits.maxUnpackedBytes()));
                }
                files.add(FrontMatter.read(parts.subList(0, parts.size() - 1), fileName, utf8(name, content)));
            }
        } catch (ZipException e) {
            throw new ImportException(422, "invalid-archive", Text.of("content.import.not-zip"));
        } catch (IOException e) {
            throw new ImportException(422, "invalid-archive", Text.of("content.import.unreadable"));
        } catch (IllegalArgumentException e) {
            throw new ImportException(422, "invalid-archive", Text.of("content.import.name-not-utf8"));
        }
        if (files.isEmpty()) {
            throw new ImportException(422, "empty-import", Text.of("content.import.no-markdown"));
        }
        return files;
    }

    /**
     * Why an entry name (with '\\' already turned into '/') could land outside the folder it is unpacked in or
     * is no plain path, or null: absolute paths, drive letters, '.' or '..' segments, control characters.
     */
    static Text unsafePath(String name) {
        if (name.startsWith("/")) {
            return Text.of("content.import.unsafe.absolute");
        }
        if (name.length() >= 2 && name.charAt(1) == ':' && Character.isLetter(name.charAt(0))) {
            return Text.of("content.import.unsafe.drive");
        }
        if (name.codePoints().anyMatch(Character::isISOControl)) {
            return Text.of("content.import.unsafe.control");
        }
        if (Arrays.stream(name.split("/")).anyMatch(p -> p.equals("..") || p.equals("."))) {
            return Text.of("content.import.unsafe.relative");
        }
        return null;
    }

    private static String printable(String name) {
        return name.codePoints().map(cp -> Character.isISOControl(cp) ? '?' : cp)
                .collect(StringBuilder::new, StringBuilder::appendCodePoint, StringBuilder::append).toString();
    }

    private static boolean skipped(String name) {
        return name.startsWith("__MACOSX/") || Arrays.stream(name.split("/")).anyMatch(p -> p.startsWith("."));
    }

    private static byte[] read(InputStream in, String name, int max) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        byte[] buffer = new byte[8192];
        for (int n = in.read(buffer); n >= 0; n = in.read(buffer)) {
            out.write(buffer, 0, n);
            if (out.size() > max) {
                throw new ImportException(413, "payload-too-large", Text.of("content.import.file-too-large", name, max));
            }
        }
        return out.toByteArray();
    }

    /** Strict UTF-8 (a BOM is dropped): invalid bytes are a 422, never replaced silently. */
    public static String utf8(String name, byte[] bytes) {
        try {
            String text = StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(bytes)).toString();
            if (text.indexOf('\u0000') >= 0) {
                throw new ImportException(422, "invalid-utf8", Text.of("content.import.nul", name));
            }
            return text.startsWith("\uFEFF") ? text.substring(1) : text;
        } catch (CharacterCodingException e) {
            throw new ImportException(422, "invalid-utf8", Text.of("content.import.not-utf8", name));
        }
    }
}
