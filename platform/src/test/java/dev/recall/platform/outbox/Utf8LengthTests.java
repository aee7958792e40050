package dev.recall.platform.outbox;

import net.jqwik.api.ForAll;
import net.jqwik.api.Property;

import java.nio.charset.StandardCharsets;

import static org.assertj.core.api.Assertions.assertThat;

class Utf8LengthTests {

    @Property
    void countsTheBytesTheJdkEncoderWrites(@ForAll String text) {
        assertThat(Outbox.utf8Length(text)).isEqualTo(text.getBytes(StandardCharsets.UTF_8).length);
    }

    @Property
    void countsSupplementaryCharactersAsFourBytes(@ForAll("emoji") String text) {
        assertThat(Outbox.utf8Length(text)).isEqualTo(text.getBytes(StandardCharsets.UTF_8).length);
    }

    @net.jqwik.api.Provide
    net.jqwik.api.Arbitrary<String> emoji() {
        return net.jqwik.api.Arbitraries.strings().withCharRange('\u0000', '\uffff').ofMaxLength(50)
                .map(s -> s + "\uD83D\uDE00" + s + "记");
    }
}
