package dev.recall.testing;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class StoredContractTests {

    private static final ObjectMapper JSON = new ObjectMapper();

    @Test
    void differencesNameThePathsThatChanged() throws Exception {
        var stored = JSON.readTree("{\"paths\":{\"/api/v1/notes\":{\"get\":{\"operationId\":\"listNotes\"}}},\"tags\":[\"a\",\"b\"]}");
        assertThat(StoredContract.differences(stored, stored.deepCopy())).isEmpty();
        // Member order does not matter; values, additions and removals do.
        assertThat(StoredContract.differences(stored, JSON.readTree("{\"tags\":[\"a\",\"b\"],\"paths\":{\"/api/v1/notes\":{\"get\":{\"operationId\":\"listNotes\"}}}}")))
                .isEmpty();
        assertThat(StoredContract.differences(stored, JSON.readTree("{\"paths\":{\"/api/v1/notes\":{\"get\":{\"operationId\":\"getNotes\"},\"post\":{}}},\"tags\":[\"a\"]}")))
                .containsExactly("/paths/~1api~1v1~1notes/get/operationId changed: \"listNotes\" -> \"getNotes\"",
                        "/paths/~1api~1v1~1notes/post added", "/tags changed: [\"a\",\"b\"] -> [\"a\"]");
    }
}
