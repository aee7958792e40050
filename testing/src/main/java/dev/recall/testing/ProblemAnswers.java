package dev.recall.testing;

import io.restassured.response.Response;

import static org.assertj.core.api.Assertions.assertThat;

/** The one check of a problem+json answer in a given language, shared by the services' language tests. */
public final class ProblemAnswers {

    private ProblemAnswers() {
    }

    /**
     * The answer is an RFC 9457 problem of {@code slug} with {@code status}, in {@code contentLanguage}
     * ({@code en} or {@code zh-Hans}), varying by Accept-Language, with that title and a detail containing
     * {@code detailPart}.
     */
    public static void assertProblem(Response response, int status, String slug, String contentLanguage, String title,
                                     String detailPart) {
        assertThat(response.statusCode()).as(response.asString()).isEqualTo(status);
        assertThat(response.contentType()).startsWith("application/problem+json");
        assertThat(response.jsonPath().getString("type")).isEqualTo("https://recall.dev/problems/" + slug);
        assertThat(response.header("Content-Language")).as(response.asString()).isEqualTo(contentLanguage);
        assertThat(response.header("Vary")).as(response.asString()).contains("Accept-Language");
        assertThat(response.jsonPath().getString("title")).isEqualTo(title);
        assertThat(response.jsonPath().getString("detail")).as(response.asString()).contains(detailPart);
    }
}
