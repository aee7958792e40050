package dev.recall.launchers;

import java.nio.file.Files;
import java.nio.file.Path;

/** Finds the checkout's root (the folder with mvnw), whichever module a test or tool runs from. */
public final class ProjectRoot {

    private ProjectRoot() {
    }

    public static Path find() {
        String configured = System.getProperty("recall.project.root");
        if (configured != null && Files.exists(Path.of(configured, "mvnw"))) {
            return Path.of(configured).toAbsolutePath().normalize();
        }
        for (Path dir = Path.of("").toAbsolutePath(); dir != null; dir = dir.getParent()) {
            if (Files.exists(dir.resolve("mvnw")) && Files.isDirectory(dir.resolve("kafka-broker"))) {
                return dir;
            }
        }
        throw new IllegalStateException("cannot find the Recall checkout (a folder with mvnw and kafka-broker/) above "
                + Path.of("").toAbsolutePath());
    }
}
