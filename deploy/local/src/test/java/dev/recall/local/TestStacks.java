package dev.recall.local;

import dev.recall.launchers.ProjectRoot;
import dev.recall.testing.TestKeys;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** The local stack as the end-to-end tests and the fault driver start it: fresh data, free ports, the test keys. */
final class TestStacks {

    private TestStacks() {
    }

    /**
     * Starts a stack with its state in {@code deploy/local/target/<folder>}, databases suffixed {@code databaseSuffix},
     * {@code replicas} processes per service, trusting the test key pair.
     */
    static LocalStack start(String folder, String databaseSuffix, int replicas) throws IOException {
        Path state = ProjectRoot.find().resolve("deploy/local/target").resolve(folder);
        Files.createDirectories(state);
        Path publicKey = TestKeys.writePublicKey(state.resolve("publicKey.pem"));
        System.setProperty("recall.quick-start", "true");
        return LocalStack.start(new LocalStack.Options(state, databaseSuffix, true, false, publicKey, replicas));
    }
}
