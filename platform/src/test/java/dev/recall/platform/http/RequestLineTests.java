package dev.recall.platform.http;

import dev.recall.platform.problem.Text;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class RequestLineTests {

    @Test
    void ordinaryTargetsPass() {
        assertThat(RequestLine.refusal("/api/v1/notes?limit=20&cursor=bm90ZXN8MQ")).isNull();
        assertThat(RequestLine.refusal("/api/v1/search?q=%E8%A3%85%E9%A5%B0%E5%99%A8+python")).isNull();
        assertThat(RequestLine.refusal("/api/v1/items/3f1e0c2a-8d7b-4c1a-9e2f-5b6a7c8d9e0f")).isNull();
        assertThat(RequestLine.refusal("/")).isNull();
    }

    @Test
    void nulAndControlCharactersAreRefusedWhereverTheyAre() {
        assertThat(RequestLine.refusal("/api/v1/items/%00")).isNotNull();
        assertThat(RequestLine.refusal("/api/v1/notes?deck=%00")).isNotNull();
        assertThat(RequestLine.refusal("/api/v1/search?q=a%0Ab")).isNotNull();
        assertThat(RequestLine.refusal("/api/v1/search?q=%7F")).isNotNull();
        assertThat(RequestLine.refusal("/api/v1/search?q=%C2%85")).isNotNull();
    }

    @Test
    void brokenEscapesAndNonUtf8AreRefused() {
        assertThat(RequestLine.refusal("/api/v1/search?q=%zz")).isNotNull();
        assertThat(RequestLine.refusal("/api/v1/search?q=%4")).isNotNull();
        assertThat(RequestLine.refusal("/api/v1/search?q=%C3%28")).isNotNull();
        assertThat(RequestLine.refusal("/api/v1/search?q=%ED%A0%80")).isNotNull(); // an encoded lone surrogate
        assertThat(RequestLine.refusal("/api/v1/search?q=\u00e9")).isNotNull();
    }

    @Test
    void theRefusalNamesTheParameter() {
        assertThat(RequestLine.check("/api/v1/items?limit=5&note=a%00b")).isEqualTo(new RequestLine.Refusal("note", 
                RequestLine.refusal("a%00b")));
        assertThat(RequestLine.check("/api/v1/items/%00?limit=5").field()).isEqualTo("path");
        assertThat(RequestLine.check("/api/v1/items?limit=5&note=x")).isNull();
    }

    @Test
    void charactersAUriMayNotHoldRawAreRefusedWhereTheyStand() {
        for (String raw : new String[]{"a|b", "{x}", "a\"b", "a\\b", "a^b", "a`b", "<x>"}) {
            assertThat(RequestLine.check("/api/v1/items/" + raw)).as(raw).isEqualTo(new RequestLine.Refusal("path", Text.of("url.bad-syntax")));
            assertThat(RequestLine.check("/api/v1/search?limit=5&q=" + raw)).as(raw).isEqualTo(new RequestLine.Refusal("q", Text.of("url.bad-syntax")));
        }
        assertThat(RequestLine.check("/api/v1/search?q=a%7Cb&tag=%7Bx%7D")).isNull(); // the same characters encoded
    }
}
