package dev.recall.deploy.kubernetes;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.fail;

/** Renders a kustomization with the installed {@code kubectl kustomize} (offline, no cluster needed). */
final class Kustomize {

    static final String MISSING_KUBECTL = "kubectl was not found on PATH. The Kubernetes manifests are rendered with "
            + "`kubectl kustomize` (kubectl >= 1.27, kustomize v5). Install it, e.g. `apt-get install kubectl` "
            + "(Debian/Ubuntu; not `kubernetes-client` on top of an existing kubectl) or see "
            + "https://kubernetes.io/docs/tasks/tools/, then run the build again.";

    private Kustomize() {
    }

    static Optional<Path> findKubectl() {
        String path = System.getenv("PATH");
        if (path == null) {
            return Optional.empty();
        }
        for (String dir : path.split(File.pathSeparator)) {
            for (String name : new String[] {"kubectl", "kubectl.exe"}) {
                Path candidate = Path.of(dir, name);
                if (Files.isRegularFile(candidate) && Files.isExecutable(candidate)) {
                    return Optional.of(candidate);
                }
            }
        }
        return Optional.empty();
    }

    /** The rendered multi-document YAML; fails the test (not skips) if kubectl is missing or kustomize errors. */
    static String render(Path kustomizationDir) {
        Path kubectl = findKubectl().orElse(null);
        if (kubectl == null) {
            return fail(MISSING_KUBECTL);
        }
        try {
            Path stderr = Files.createTempFile("kustomize", ".err");
            Process process = new ProcessBuilder(kubectl.toString(), "kustomize", kustomizationDir.toString())
                    .redirectError(stderr.toFile())
                    .start();
            process.getOutputStream().close();
            String out = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            if (!process.waitFor(60, TimeUnit.SECONDS)) {
                process.destroyForcibly();
                return fail("kubectl kustomize " + kustomizationDir + " did not finish in 60 s");
            }
            String err = Files.readString(stderr);
            Files.deleteIfExists(stderr);
            if (process.exitValue() != 0) {
                return fail("kubectl kustomize " + kustomizationDir + " failed (exit " + process.exitValue() + "):\n" + err);
            }
            return out;
        } catch (IOException e) {
            return fail("could not run " + kubectl + ": " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return fail("interrupted while running kubectl kustomize", e);
        }
    }
}
