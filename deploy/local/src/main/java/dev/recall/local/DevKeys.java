package dev.recall.local;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;

/**
 * A signing key pair made on first start and kept in the stack's state folder, so nothing secret is
 * committed: the services verify tokens with the public half, the stack mints tokens with the private one.
 */
public final class DevKeys {

    private DevKeys() {
    }

    public static Path ensure(Path dir) {
        Path privateKey = dir.resolve("privateKey.pem");
        Path publicKey = dir.resolve("publicKey.pem");
        if (Files.exists(privateKey) && Files.exists(publicKey)) {
            return dir;
        }
        try {
            Files.createDirectories(dir);
            KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
            generator.initialize(2048);
            KeyPair pair = generator.generateKeyPair();
            Files.writeString(privateKey, pem("PRIVATE KEY", pair.getPrivate().getEncoded()));
            Files.writeString(publicKey, pem("PUBLIC KEY", pair.getPublic().getEncoded()));
            return dir;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String pem(String type, byte[] der) {
        return "-----BEGIN " + type + "-----\n"
                + Base64.getMimeEncoder(64, "\n".getBytes()).encodeToString(der)
                + "\n-----END " + type + "-----\n";
    }
}
