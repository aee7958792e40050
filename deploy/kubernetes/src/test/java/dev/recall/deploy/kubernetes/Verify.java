package dev.recall.deploy.kubernetes;

import com.fasterxml.jackson.databind.JsonNode;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

/**
 * The validating half of deploy/kubernetes/verify.sh: {@code Verify <rendered-dir> <schemas-dir>} checks every
 * {@code <combination>.yaml} that the script rendered (a combination whose name starts with "prod" gets the
 * production rules too), prints one line per combination and every problem, and exits 1 if there is any.
 */
public final class Verify {

    private Verify() {
    }

    public static void main(String[] args) throws IOException {
        if (args.length != 2) {
            System.err.println("usage: Verify <rendered-dir> <schemas-dir>");
            System.exit(2);
        }
        CrdSchemas crds = CrdSchemas.load(Path.of(args[1]));
        List<Path> renderings;
        try (Stream<Path> files = Files.list(Path.of(args[0]))) {
            renderings = files.filter(f -> f.toString().endsWith(".yaml")).sorted().toList();
        }
        if (renderings.isEmpty()) {
            System.err.println("nothing rendered in " + args[0]);
            System.exit(2);
        }
        int failed = 0;
        long objects = 0;
        for (Path file : renderings) {
            String combination = file.getFileName().toString().replaceAll("\\.yaml$", "");
            List<JsonNode> docs = Manifests.parse(Files.readString(file));
            List<String> problems = docs.isEmpty() ? List.of("rendered no objects") : Checks.all(docs, combination.startsWith("prod"), crds);
            objects += docs.size();
            System.out.printf("%-4s %s: %d objects %s%n", problems.isEmpty() ? "ok" : "FAIL", combination, docs.size(), Checks.kinds(docs));
            problems.forEach(p -> System.out.println("     - " + p));
            if (!problems.isEmpty()) {
                failed++;
            }
        }
        System.out.printf("%d of %d combinations valid, %d objects checked against %d CRD versions and the typed models%n",
                renderings.size() - failed, renderings.size(), objects, crds.kinds().size());
        System.exit(failed == 0 ? 0 : 1);
    }
}
