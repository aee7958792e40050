package dev.recall.platform.http;

import dev.recall.platform.problem.Text;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;

/**
 * Checks a raw request target (path and query, still percent-encoded) before any resource sees it. A NUL or
 * other control character cannot be stored by PostgreSQL nor mean anything in an id, a cursor or a search;
 * a broken escape or bytes that are not UTF-8 are not text; a raw character a URI may not hold is no URI. Refusing them here once gives every endpoint
 * and parameter the same 400 instead of each failing its own way deeper down. Pure, so it is unit tested.
 */
public final class RequestLine {

    private RequestLine() {
    }

    /** What is wrong, and where: {@code path}, or the name of the query parameter. */
    public record Refusal(String field, Text message) {
    }

    /** Null when the target is acceptable, otherwise what is wrong with it and in which part. */
    public static Refusal check(String rawTarget) {
        int question = rawTarget.indexOf('?');
        String path = question < 0 ? rawTarget : rawTarget.substring(0, question);
        Text problem = refusal(path);
        if (problem != null) {
            return new Refusal("path", problem);
        }
        if (!isUri(path)) {
            return new Refusal("path", Text.of("url.bad-syntax"));
        }
        if (question < 0) {
            return null;
        }
        for (String pair : rawTarget.substring(question + 1).split("&", -1)) {
            int equals = pair.indexOf('=');
            String name = equals < 0 ? pair : pair.substring(0, equals);
            Text nameProblem = refusal(name);
            if (nameProblem != null) {
                return new Refusal("query", nameProblem);
            }
            problem = equals < 0 ? null : refusal(pair.substring(equals + 1));
            if (problem == null && !isUri("?" + pair)) {
                problem = Text.of("url.bad-syntax");
            }
            if (problem != null) {
                return new Refusal(java.net.URLDecoder.decode(name, java.nio.charset.StandardCharsets.UTF_8), problem);
            }
        }
        return null;
    }

    /** Null when this part of a target is acceptable, otherwise what is wrong with it. */
    public static Text refusal(String rawTarget) {
        byte[] bytes = new byte[rawTarget.length()];
        int n = 0;
        for (int i = 0; i < rawTarget.length(); i++) {
            char c = rawTarget.charAt(i);
            if (c == '%') {
                if (i + 2 >= rawTarget.length() || hex(rawTarget.charAt(i + 1)) < 0 || hex(rawTarget.charAt(i + 2)) < 0) {
                    return Text.of("url.bad-escape");
                }
                bytes[n++] = (byte) (hex(rawTarget.charAt(i + 1)) * 16 + hex(rawTarget.charAt(i + 2)));
                i += 2;
            } else if (c < 0x20 || c == 0x7f || c > 0x7e) {
                return Text.of("url.unencoded");
            } else {
                bytes[n++] = (byte) c;
            }
        }
        String decoded;
        try {
            decoded = StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT).onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(bytes, 0, n)).toString();
        } catch (CharacterCodingException e) {
            return Text.of("url.not-utf8");
        }
        for (int i = 0; i < decoded.length(); i++) {
            char c = decoded.charAt(i);
            if (c < 0x20 || c == 0x7f || (c >= 0x80 && c < 0xa0)) {
                return Text.of("url.control");
            }
        }
        return null;
    }

    /**
     * True when {@code rawTarget} is a URI reference as RFC 2396 writes them (no raw space, quote, brace, bar, ...):
     * Quarkus's own check before routing, which answers a bare 400, is switched off
     * ({@code -Dvertx.disableURIValidation=true}, set wherever a service starts) so that this one answers instead.
     */
    private static boolean isUri(String rawTarget) {
        try {
            new java.net.URI(rawTarget);
            return true;
        } catch (java.net.URISyntaxException e) {
            return false;
        }
    }

    private static int hex(char c) {
        return Character.digit(c, 16);
    }
}
