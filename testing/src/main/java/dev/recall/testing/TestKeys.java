package dev.recall.testing;

import dev.recall.launchers.Tokens;
import io.smallrye.jwt.util.KeyUtils;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The key pair in {@code recall-test/}: tests mint tokens with its private half, and the services under
 * test (their test profile, or a local stack a test starts) trust its public half.
 */
public final class TestKeys {

    private TestKeys() {
    }

    /** Tokens signed with the test private key. */
    public static Tokens tokens() {
        try {
            return new Tokens(privateKey());
        } catch (RuntimeException e) {
            throw new IllegalStateException("cannot read the test signing key", e);
        }
    }

    /** The test private key, for tests that mint tokens with claims of their own ({@code security.BadTokens}). */
    public static java.security.PrivateKey privateKey() {
        try {
            return KeyUtils.decodePrivateKey(new String(read("privateKey.pem"), StandardCharsets.UTF_8));
        } catch (Exception e) {
            throw new IllegalStateException("cannot read the test signing key", e);
        }
    }

    /** The test public key as PEM text (what an HS256-with-the-public-key forgery would use as its secret). */
    public static String publicKeyPem() {
        try {
            return new String(read("publicKey.pem"), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Writes the test public key to {@code file} (for a stack started outside the test JVM) and returns it. */
    public static Path writePublicKey(Path file) {
        try {
            Files.createDirectories(file.toAbsolutePath().getParent());
            Files.write(file, read("publicKey.pem"));
            return file;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static byte[] read(String name) throws IOException {
        try (InputStream in = TestKeys.class.getResourceAsStream("/recall-test/" + name)) {
            if (in == null) {
                throw new IOException("no /recall-test/" + name + " on the classpath");
            }
            return in.readAllBytes();
        }
    }
}
