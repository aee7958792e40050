package dev.recall.quiz.item;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class NoteVersionsTests {

    @Test
    void anUnknownNoteMayStartAtAnyVersion() {
        assertThatCode(() -> NoteVersions.requireReachable("n", null, 1)).doesNotThrowAnyException();
        assertThatCode(() -> NoteVersions.requireReachable("n", null, 40)).doesNotThrowAnyException();
    }

    @Test
    void aKnownNoteMovesOneVersionAtATime() {
        assertThatCode(() -> NoteVersions.requireReachable("n", 3L, 4)).doesNotThrowAnyException();
        assertThatThrownBy(() -> NoteVersions.requireReachable("n", 1L, 99))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("jumps from version 1 to 99");
        assertThatThrownBy(() -> NoteVersions.requireReachable("n", 3L, 5)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void versionsStartAtOne() {
        assertThatThrownBy(() -> NoteVersions.requireReachable("n", null, 0)).isInstanceOf(IllegalArgumentException.class);
    }
}
