package dev.recall.content.transfer;

import org.junit.jupiter.api.Test;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class MarkdownArchiveTests {

    private static final ImportLimits LIMITS = ImportLimits.DEFAULT;

    static byte[] zip(Map<String, byte[]> entries) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ZipOutputStream zip = new ZipOutputStream(bytes, StandardCharsets.UTF_8)) {
            for (var entry : entries.entrySet()) {
                zip.putNextEntry(new ZipEntry(entry.getKey()));
                zip.write(entry.getValue());
                zip.closeEntry();
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return bytes.toByteArray();
    }

    static Map<String, byte[]> entries(String... nameThenText) {
        Map<String, byte[]> entries = new LinkedHashMap<>();
        for (int i = 0; i < nameThenText.length; i += 2) {
            entries.put(nameThenText[i], nameThenText[i + 1].getBytes(StandardCharsets.UTF_8));
        }
        return entries;
    }

    static void assertRefused(Runnable read, int status, String slug) {
        assertThatThrownBy(read::run).isInstanceOfSatisfying(ImportException.class, e -> {
            assertThat(e.status()).isEqualTo(status);
            assertThat(e.slug()).isEqualTo(slug);
        });
    }

    @Test
    void foldersBecomeDeckPathsAndHiddenAndMacFilesAreSkipped() {
        byte[] upload = zip(entries(
                "Python/Closures.md", "---\ntitle: Closures\ntags: [python]\n---\nQ::A\n",
                "Python/Basics/Types.markdown", "# Types\n\nint, str\n",
                "Top.MD", "plain\n",
                "__MACOSX/Python/._Closures.md", "\u0000\u0001",
                ".git/config.md", "x",
                "Python/.DS_Store", "x"));

        List<MarkdownFile> files = MarkdownArchive.zip(upload, LIMITS);

        assertThat(files).extracting(MarkdownFile::fileName).containsExactly("Closures.md", "Types.markdown", "Top.MD");
        assertThat(files).extracting(MarkdownFile::folders).containsExactly(List.of("Python"), List.of("Python", "Basics"), List.of());
        assertThat(files.get(0).title()).isEqualTo("Closures");
        assertThat(files.get(0).tags()).containsExactly("python");
        assertThat(files.get(1).title()).isEqualTo("Types");
    }

    @Test
    void entriesThatAreNotMarkdownAreRefusedAndNoneClimbsOut() {
        assertRefused(() -> MarkdownArchive.zip(zip(entries("a.md", "x", "notes.txt", "x")), LIMITS), 422, "unsupported-file");
        // An entry that could land outside the folder it is unpacked in refuses the whole archive, even next to good ones.
        for (String slipping : List.of("../evil.md", "a/../../b.md", "ok/./x.md", ".././x.md", "a\\..\\..\\b.md", "/etc/x.md",
                "C:/x.md", "c:x.md", "a\u0000/x.md", "tab\t/x.md", "../.hidden.md", "__MACOSX/../x.md")) {
            assertRefused(() -> MarkdownArchive.zip(zip(entries("ok.md", "z", slipping, "x")), LIMITS), 422, "invalid-archive");
        }
        assertRefused(() -> MarkdownArchive.zip(zip(entries("only/.hidden.md", "x")), LIMITS), 422, "empty-import");
        assertRefused(() -> MarkdownArchive.zip("not a zip at all".getBytes(StandardCharsets.UTF_8), LIMITS), 422, "empty-import");
    }

    @Test
    void everyLimitIsCheckedWhileReading() {
        // upload, unpacked, files, file bytes, depth
        ImportLimits small = new ImportLimits(1 << 20, 100, 2, 60, 1);
        assertRefused(() -> MarkdownArchive.zip(zip(entries("a.md", "x", "b.md", "y", "c.md", "z")), small), 413, "too-many-files");
        assertRefused(() -> MarkdownArchive.zip(zip(entries("a/b/c.md", "x")), small), 422, "too-deep");
        assertRefused(() -> MarkdownArchive.zip(zip(entries("a.md", "x".repeat(61))), small), 413, "payload-too-large");
        assertRefused(() -> MarkdownArchive.zip(zip(entries("a.md", "x".repeat(55), "b.md", "y".repeat(55))), small), 413, "payload-too-large");
        // A zip bomb: 8 MiB of zeros packs into a few KiB; reading stops at the file limit.
        Map<String, byte[]> bomb = Map.of("bomb.md", new byte[8 << 20]);
        assertRefused(() -> MarkdownArchive.zip(zip(bomb), LIMITS), 413, "payload-too-large");
        assertThat(MarkdownArchive.zip(zip(entries("a/b.md", "x".repeat(60))), small)).hasSize(1);
    }

    @Test
    void textMustBeStrictUtf8WithoutNulAndABomIsDropped() {
        assertThat(MarkdownArchive.single("a.md", "\uFEFF# Title\n".getBytes(StandardCharsets.UTF_8), LIMITS).get(0).markdown())
                .isEqualTo("# Title\n");
        assertRefused(() -> MarkdownArchive.single("a.md", new byte[]{'o', 'k', (byte) 0xC3, (byte) 0x28}, LIMITS), 422, "invalid-utf8");
        assertRefused(() -> MarkdownArchive.single("a.md", "a\u0000b".getBytes(StandardCharsets.UTF_8), LIMITS), 422, "invalid-utf8");
        assertRefused(() -> MarkdownArchive.zip(zip(Map.of("a.md", new byte[]{(byte) 0xFF})), LIMITS), 422, "invalid-utf8");
        ImportLimits tiny = new ImportLimits(1 << 20, 1 << 20, 10, 4, 8);
        assertRefused(() -> MarkdownArchive.single("a.md", "12345".getBytes(StandardCharsets.UTF_8), tiny), 413, "payload-too-large");
        assertThat(MarkdownArchive.single("notes.md", "no heading here".getBytes(StandardCharsets.UTF_8), new ImportLimits(1 << 20, 1 << 20, 10, 100, 8)).get(0).title())
                .isEqualTo("notes");
    }
}
