package dev.recall.deploy.kubernetes;

import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/** Files of the project that the manifests must agree with: the services' configuration, topic names, docs. */
final class ProjectFiles {

    static final String DOCUMENTED_SECRETS_HEADING = "### Secrets";

    private static final Pattern TOPIC_CONSTANT = Pattern.compile("static final String \\w+\\s*=\\s*\"([a-z0-9._-]+)\"");
    private static final Pattern BACKTICKED = Pattern.compile("`([a-z0-9.-]+)`");

    private ProjectFiles() {
    }

    /** The directory with mvnw: {@code -Drecall.project.root} (set by the parent's surefire config), else walking up. */
    static Path projectRoot() {
        String configured = System.getProperty("recall.project.root");
        if (configured != null && !configured.isBlank() && Files.isRegularFile(Path.of(configured, "mvnw"))) {
            return Path.of(configured).toAbsolutePath().normalize();
        }
        for (Path dir = Path.of("").toAbsolutePath(); dir != null; dir = dir.getParent()) {
            if (Files.isRegularFile(dir.resolve("mvnw"))) {
                return dir;
            }
        }
        throw new IllegalStateException("cannot find the project root (a directory with mvnw) above " + Path.of("").toAbsolutePath());
    }

    static Path kubernetesDir() {
        return projectRoot().resolve("deploy/kubernetes");
    }

    /** Every overlay directory (one with a kustomization.yaml) under deploy/kubernetes/overlays. */
    static List<Path> overlays() {
        try (Stream<Path> dirs = Files.list(kubernetesDir().resolve("overlays"))) {
            return dirs.filter(d -> Files.isRegularFile(d.resolve("kustomization.yaml"))).sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** application.properties of every {@code *-service} module. */
    static List<Path> serviceProperties() {
        try (Stream<Path> dirs = Files.list(projectRoot())) {
            return dirs.filter(d -> d.getFileName().toString().endsWith("-service"))
                    .map(d -> d.resolve("src/main/resources/application.properties"))
                    .filter(Files::isRegularFile)
                    .sorted()
                    .toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Topics named by {@code mp.messaging.*.topic} and {@code mp.messaging.*.dead-letter-queue.topic} entries. */
    static Set<String> messagingTopics(Properties properties) {
        Set<String> topics = new TreeSet<>();
        for (String key : properties.stringPropertyNames()) {
            if (key.startsWith("mp.messaging.") && key.endsWith(".topic")) {
                topics.add(properties.getProperty(key).trim());
            }
        }
        return topics;
    }

    /** All topics the services read or dead-letter to, from their application.properties. */
    static Set<String> topicsInServiceProperties() {
        Set<String> topics = new TreeSet<>();
        for (Path file : serviceProperties()) {
            Properties properties = new Properties();
            try (Reader reader = Files.newBufferedReader(file)) {
                properties.load(reader);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            topics.addAll(messagingTopics(properties));
        }
        return topics;
    }

    /** A service's Kafka consumers, from its {@code mp.messaging.incoming.*} entries. */
    record Consumers(Set<String> groups, Set<String> topics) {
    }

    /** Deployment name (the service module's directory) -> its consumer groups and input topics. */
    static java.util.Map<String, Consumers> consumersByService() {
        java.util.Map<String, Consumers> result = new java.util.TreeMap<>();
        for (Path file : serviceProperties()) {
            Properties properties = load(file);
            Set<String> groups = new TreeSet<>();
            Set<String> topics = new TreeSet<>();
            for (String key : properties.stringPropertyNames()) {
                if (!key.startsWith("mp.messaging.incoming.")) {
                    continue;
                }
                if (key.endsWith(".group.id")) {
                    groups.add(properties.getProperty(key).trim());
                } else if (key.endsWith(".topic") && !key.endsWith(".dead-letter-queue.topic")) {
                    topics.add(properties.getProperty(key).trim());
                }
            }
            String service = file.getParent().getParent().getParent().getParent().getFileName().toString();
            result.put(service, new Consumers(groups, topics));
        }
        return result;
    }

    private static Properties load(Path file) {
        Properties properties = new Properties();
        try (Reader reader = Files.newBufferedReader(file)) {
            properties.load(reader);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return properties;
    }

    /**
     * Topics the outbox relays publish to: they are not in application.properties (the relay uses a plain
     * producer), so read the constants of events/.../Topics.java, the one place that names them.
     */
    static Set<String> topicsInEventsModule() {
        Path file = projectRoot().resolve("events/src/main/java/dev/recall/events/Topics.java");
        if (!Files.isRegularFile(file)) {
            return Set.of();
        }
        try {
            Set<String> topics = new TreeSet<>();
            Matcher m = TOPIC_CONSTANT.matcher(Files.readString(file));
            while (m.find()) {
                topics.add(m.group(1));
            }
            return topics;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * Secrets docs/operations.md says are created outside these manifests (by a person or an operator): the
     * first back-ticked name of each table row under the heading starting with {@value #DOCUMENTED_SECRETS_HEADING}.
     */
    static Set<String> documentedSecrets() {
        Path doc = projectRoot().resolve("docs/operations.md");
        if (!Files.isRegularFile(doc)) {
            return Set.of();
        }
        try {
            return documentedSecrets(Files.readAllLines(doc));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static Set<String> documentedSecrets(List<String> lines) {
        Set<String> names = new TreeSet<>();
        boolean inSection = false;
        for (String line : lines) {
            if (line.startsWith("#")) {
                inSection = line.startsWith(DOCUMENTED_SECRETS_HEADING);
                continue;
            }
            if (inSection && line.startsWith("|")) {
                String firstCell = line.substring(1).split("\\|", -1)[0];
                Matcher m = BACKTICKED.matcher(firstCell);
                if (m.find()) {
                    names.add(m.group(1));
                }
            }
        }
        return names;
    }
}
