package dev.recall.content.transfer;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.Size;
import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

class ArchiveNamesTests {

    @Test
    void namesThatWouldClimbOutOrMeanSomethingElseBecomePlainNames() {
        assertThat(ArchiveNames.segment("..")).isEqualTo("untitled");
        assertThat(ArchiveNames.segment(".")).isEqualTo("untitled");
        assertThat(ArchiveNames.segment("...")).isEqualTo("untitled");
        assertThat(ArchiveNames.segment("  ")).isEqualTo("untitled");
        assertThat(ArchiveNames.segment(null)).isEqualTo("untitled");
        assertThat(ArchiveNames.segment("a/b")).isEqualTo("a-b");
        assertThat(ArchiveNames.segment("..\\x")).isEqualTo("_-x");
        assertThat(ArchiveNames.segment("../../slip")).isEqualTo("_-..-slip");
        assertThat(ArchiveNames.segment("C:")).isEqualTo("C-");
        assertThat(ArchiveNames.segment("a\u0000b\u0007c\nd")).isEqualTo("a-b-c-d");
        assertThat(ArchiveNames.segment("evil\u202Egpj.md")).isEqualTo("evil-gpj.md");
        assertThat(ArchiveNames.segment("CON")).isEqualTo("_CON");
        assertThat(ArchiveNames.segment("nul.txt")).isEqualTo("_nul.txt");
        assertThat(ArchiveNames.segment("com1 ")).isEqualTo("_com1");
        assertThat(ArchiveNames.segment("Console")).isEqualTo("Console");
        assertThat(ArchiveNames.segment("notes. . ")).isEqualTo("notes");
        assertThat(ArchiveNames.segment(".hidden")).isEqualTo("_hidden");
        assertThat(ArchiveNames.segment("Python 装饰器")).isEqualTo("Python 装饰器");
        assertThat(ArchiveNames.segment("😀".repeat(150))).isEqualTo("😀".repeat(ArchiveNames.MAX_SEGMENT));
    }

    @Test
    void namesAreUniquePerFolderAsACaseInsensitiveFileSystemComparesThem() {
        ArchiveNames names = new ArchiveNames();
        String root = names.folder("", "..");
        assertThat(root).isEqualTo("untitled/");
        assertThat(names.folder(root, "GC")).isEqualTo("untitled/GC/");
        assertThat(names.folder(root, "gc")).isEqualTo("untitled/gc-2/");
        assertThat(names.file(root, "a", ".md")).isEqualTo("untitled/a.md");
        assertThat(names.file(root, "A", ".md")).isEqualTo("untitled/A-2.md");
        assertThat(names.file(root, "a.", ".md")).isEqualTo("untitled/a-3.md");
        // a deck named like a note's file does not share its name either
        assertThat(names.folder(root, "b.md")).isEqualTo("untitled/b.md/");
        assertThat(names.file(root, "b", ".md")).isEqualTo("untitled/b-2.md");
        assertThat(names.file("untitled/GC/", "a", ".md")).isEqualTo("untitled/GC/a.md");
    }

    @Test
    void theDownloadNameIsQuotedSafelyAndCarriedExactlyInUtf8() {
        assertThat(ArchiveNames.contentDisposition("装饰器 \"x\".zip"))
                .isEqualTo("attachment; filename=\"___ _x_.zip\"; filename*=UTF-8''%E8%A3%85%E9%A5%B0%E5%99%A8%20%22x%22.zip");
    }

    @Provide
    Arbitrary<String> hostileNames() {
        return Arbitraries.oneOf(
                Arbitraries.of("..", ".", "...", "", " ", "CON", "con.md", "a/b", "..\\x", "C:", "a.", "a ", "A", "a", "\u0000", "\u202E", "/"),
                Arbitraries.strings().withChars("./\\: aA\u0000\u0001\u202E").ofMaxLength(8),
                Arbitraries.strings().ofMaxLength(120));
    }

    @Property(tries = 400)
    void everyEntryIsRelativeHasNoDotSegmentsStaysInTheRootAndIsUnique(
            @ForAll @Size(max = 6) List<@Size(min = 1, max = 4) List<@net.jqwik.api.From("hostileNames") String>> deckPaths,
            @ForAll @Size(max = 12) List<@net.jqwik.api.From("hostileNames") String> titles) {
        ArchiveNames names = new ArchiveNames();
        List<String> entries = new ArrayList<>();
        List<String> folders = new ArrayList<>();
        String root = names.folder("", deckPaths.isEmpty() ? ".." : deckPaths.get(0).get(0));
        folders.add(root);
        for (List<String> path : deckPaths) {
            String folder = root;
            for (String deck : path) {
                folder = names.folder(folder, deck);
                folders.add(folder);
            }
        }
        for (int i = 0; i < titles.size(); i++) {
            entries.add(names.file(folders.get(i % folders.size()), titles.get(i), ".md"));
        }
        entries.addAll(folders);

        Path unpackInto = Path.of("/tmp/unpack");
        Set<String> seen = new HashSet<>();
        for (String entry : entries) {
            assertThat(entry).doesNotStartWith("/").doesNotContain("\\").doesNotContain(":").doesNotContain("//");
            String plain = entry.endsWith("/") ? entry.substring(0, entry.length() - 1) : entry;
            for (String segment : plain.split("/")) {
                assertThat(segment).isNotEmpty().isNotIn(".", "..").doesNotStartWith(".").doesNotEndWith(".").doesNotEndWith(" ");
                assertThat(segment.codePoints().noneMatch(Character::isISOControl)).as(segment).isTrue();
            }
            assertThat(unpackInto.resolve(plain).normalize().startsWith(unpackInto)).as(entry).isTrue();
            assertThat(seen.add(plain.toLowerCase(Locale.ROOT))).as("unique: " + entry).isTrue();
        }
    }
}
