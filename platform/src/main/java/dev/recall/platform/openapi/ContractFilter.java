package dev.recall.platform.openapi;

import io.quarkus.smallrye.openapi.OpenApiFilter;
import org.eclipse.microprofile.config.ConfigProvider;
import org.eclipse.microprofile.openapi.OASFactory;
import org.eclipse.microprofile.openapi.OASFilter;
import org.eclipse.microprofile.openapi.models.Components;
import org.eclipse.microprofile.openapi.models.OpenAPI;
import org.eclipse.microprofile.openapi.models.Operation;
import org.eclipse.microprofile.openapi.models.PathItem;
import org.eclipse.microprofile.openapi.models.media.Content;
import org.eclipse.microprofile.openapi.models.media.MediaType;
import org.eclipse.microprofile.openapi.models.media.Schema;
import org.eclipse.microprofile.openapi.models.parameters.RequestBody;
import org.eclipse.microprofile.openapi.models.responses.APIResponse;
import org.eclipse.microprofile.openapi.models.responses.APIResponses;
import org.eclipse.microprofile.openapi.models.security.SecurityScheme;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.Arrays;

/**
 * What every Recall OpenAPI document states the same way, applied once here instead of on each resource: the
 * bearer-JWT scheme required by every operation, servers and licence, operation ids and tags, the shared RFC 9457
 * {@code Problem} schema on every error response, and {@code required} on the properties of response objects
 * (Jackson writes every property of a view, null or not, so each one is always present).
 * It runs at build time, so the document stored in {@code target/openapi} is the one the service serves.
 */
@OpenApiFilter(OpenApiFilter.RunStage.BUILD)
public class ContractFilter implements OASFilter {

    static final String SCHEME = "jwt";
    static final String PROBLEM = "Problem";
    static final String PROBLEM_JSON = "application/problem+json";
    static final String ACCEPT_LANGUAGE = "AcceptLanguage";
    static final String CONTENT_LANGUAGE = "ContentLanguage";
    /** What the framework writes on the responses it adds; ours say more. */
    private static final Set<String> FRAMEWORK_DESCRIPTIONS = Set.of("Not Authorized", "Not Allowed", "Bad Request", "Forbidden", "Unauthorized");

    @Override
    public void filterOpenAPI(OpenAPI openAPI) {
        info(openAPI);
        servers(openAPI);
        Components components = openAPI.getComponents() == null ? OASFactory.createComponents() : openAPI.getComponents();
        openAPI.setComponents(components);
        components.addSecurityScheme(SCHEME, OASFactory.createSecurityScheme()
                .type(SecurityScheme.Type.HTTP).scheme("bearer").bearerFormat("JWT")
                .description("An RS256 JWT from the identity provider with the claims sub, tenant and the roles "
                        + "(learner, author, admin; operator for /api/v1/admin). Tokens are checked as RFC8725 asks: "
                        + "the algorithm is fixed (RS256, never none), signature, issuer and expiry are verified. See docs/api.md."));
        components.addSchema(PROBLEM, ProblemSchema.problem());
        components.addSchema("FieldError", ProblemSchema.fieldError());
        components.addParameter(ACCEPT_LANGUAGE, OASFactory.createParameter()
                .name("Accept-Language").in(org.eclipse.microprofile.openapi.models.parameters.Parameter.In.HEADER).required(false)
                .description("The language of a problem's title, detail and errors[].message (RFC 9110, q-values honoured): "
                        + "a preferred zh, zh-CN, zh-Hans or other zh-* range gets Simplified Chinese, anything else English. "
                        + "Answers other than problems do not change with it. See docs/api.md.")
                .schema(OASFactory.createSchema().type(List.of(Schema.SchemaType.STRING)).maxLength(200)
                        .examples(List.of("zh-CN,zh;q=0.9,en;q=0.8"))));
        components.addHeader(CONTENT_LANGUAGE, OASFactory.createHeader()
                .description("The language of the problem's texts: en, or zh-Hans when Accept-Language preferred Chinese")
                .schema(OASFactory.createSchema().type(List.of(Schema.SchemaType.STRING)).enumeration(List.of("en", "zh-Hans"))));
        openAPI.setSecurity(List.of(OASFactory.createSecurityRequirement().addScheme(SCHEME)));

        Set<String> tags = new TreeSet<>();
        if (openAPI.getPaths() != null) {
            openAPI.getPaths().getPathItems().forEach((path, item) -> item.getOperations().forEach((method, operation) -> {
                operation(path, method, operation);
                if (operation.getTags() != null) {
                    tags.addAll(operation.getTags());
                }
            }));
        }
        tags(openAPI, tags);
        requireResponseProperties(openAPI);
    }

    /**
     * A schema given as a reference or as a choice (oneOf, anyOf) has no type of its own; the scanner adds "object"
     * to the first, which would make a string-or-array answer unsatisfiable, and repeats the types of a nullable
     * reference's choice beside it, which clients would read as a third alternative.
     */
    @Override
    public Schema filterSchema(Schema schema) {
        if (schema.getRef() != null || (schema.getOneOf() != null && !schema.getOneOf().isEmpty())
                || (schema.getAnyOf() != null && !schema.getAnyOf().isEmpty())) {
            schema.setType(null);
        }
        if (schema.getPattern() != null) {
            List<String> literals = Patterns.literals(schema.getPattern());
            if (!literals.isEmpty() && schema.getEnumeration() == null) {
                schema.setEnumeration(new ArrayList<>(literals));
                schema.setPattern(null);
            } else {
                schema.setPattern(Patterns.anchored(schema.getPattern()));
            }
        }
        return schema;
    }

    /**
     * Bean validation's {@code @Pattern} must match the whole value, a JSON Schema pattern only somewhere in it:
     * the document states the whole-value reading, and a choice of plain words is an enum (clients get a union type).
     */
    static final class Patterns {
        private static final java.util.regex.Pattern WORDS = java.util.regex.Pattern.compile("[A-Za-z0-9_-]+(\\|[A-Za-z0-9_-]+)+");
        /** What the scanner writes for {@code @NotBlank}: "some character that is not a space", meant unanchored. */
        private static final String NOT_BLANK = "\\S";

        private Patterns() {
        }

        static List<String> literals(String pattern) {
            return WORDS.matcher(pattern).matches() ? List.of(pattern.split("\\|")) : List.of();
        }

        static String anchored(String pattern) {
            if (pattern.equals(NOT_BLANK) || (pattern.startsWith("^") && pattern.endsWith("$"))) {
                return pattern;
            }
            return "^(?:" + pattern + ")$";
        }
    }

    private static void info(OpenAPI openAPI) {
        if (openAPI.getInfo() == null) {
            openAPI.setInfo(OASFactory.createInfo());
        }
        openAPI.getInfo()
                .description("One of Recall's three services. Errors are RFC 9457 problems (application/problem+json); "
                        + "authentication, pagination, Idempotency-Key, ETags and limits are described in docs/api.md.")
                .license(OASFactory.createLicense().name("Proprietary").identifier("LicenseRef-Recall"))
                .contact(OASFactory.createContact().name("Recall maintainers").url("https://recall.dev"));
    }

    private static void servers(OpenAPI openAPI) {
        String port = ConfigProvider.getConfig().getOptionalValue("quarkus.http.port", String.class).orElse("8080");
        openAPI.setServers(List.of(
                OASFactory.createServer().url("https://{host}").description("production: behind the Gateway of a Kubernetes install")
                        .variables(Map.of("host", OASFactory.createServerVariable().defaultValue("recall.example.com")
                                .description("The host name of the install's Gateway")))
                        .addExtension("x-internal", false),
                OASFactory.createServer().url("http://localhost:" + port).description("local: the stack of deploy/local/run.sh")
                        .addExtension("x-internal", true)));
    }

    private static void operation(String path, PathItem.HttpMethod method, Operation operation) {
        String tag = tagOf(path);
        if (operation.getTags() == null || operation.getTags().isEmpty()) {
            operation.setTags(List.of(tag));
        }
        if (operation.getOperationId() == null) {
            operation.setOperationId(OperationIds.of(method.name(), path));
        }
        // The global requirement applies; a per-operation copy would only repeat it.
        operation.setSecurity(null);
        errors(path, operation);
        // Every operation can answer with a problem, whose texts follow Accept-Language.
        operation.addParameter(OASFactory.createParameter().ref(ACCEPT_LANGUAGE));
    }

    /** Every error an operation can answer, each as a Problem; descriptions given on the resource are kept. */
    private static void errors(String path, Operation operation) {
        APIResponses responses = operation.getResponses() == null ? OASFactory.createAPIResponses() : operation.getResponses();
        operation.setResponses(responses);
        Map<String, String> standard = new LinkedHashMap<>();
        boolean hasInput = operation.getRequestBody() != null || (operation.getParameters() != null && !operation.getParameters().isEmpty());
        if (hasInput) {
            standard.put("400", "The request is invalid (type validation, malformed-json, invalid-cursor); nothing changed");
        }
        standard.put("401", "No valid bearer token (type unauthorized)");
        standard.put("403", "The token's roles do not allow this operation (type forbidden)");
        if (path.contains("{")) {
            standard.put("404", "Not found in the caller's tenant, or not visible to the caller (type not-found)");
        }
        if (operation.getRequestBody() != null) {
            standard.put("415", "The Content-Type is not one this operation accepts");
        }
        standard.put("500", "An unexpected failure (type internal); nothing the request changed is half-applied");
        standard.put("503", "The database is unavailable for a moment (type unavailable); retry after Retry-After seconds");
        standard.forEach((code, description) -> {
            APIResponse given = responses.getAPIResponse(code);
            if (given == null || FRAMEWORK_DESCRIPTIONS.contains(given.getDescription())) {
                responses.addAPIResponse(code, OASFactory.createAPIResponse().description(description));
            }
        });
        responses.getAPIResponses().forEach((code, response) -> {
            if (code.startsWith("4") || code.startsWith("5")) {
                response.setContent(OASFactory.createContent().addMediaType(PROBLEM_JSON,
                        OASFactory.createMediaType().schema(OASFactory.createSchema().ref(PROBLEM))));
                response.addHeader("Content-Language", OASFactory.createHeader().ref(CONTENT_LANGUAGE));
            }
        });
    }

    /** The resource name after the version: /api/v1/notes/{id} is tagged notes, /api/v1/admin/dead-letters admin. */
    static String tagOf(String path) {
        String[] parts = path.replaceFirst("^/api/v\\d+/", "").split("/");
        return parts.length == 0 || parts[0].isEmpty() ? "default" : parts[0];
    }

    private static void tags(OpenAPI openAPI, Set<String> used) {
        Map<String, String> described = new TreeMap<>();
        if (openAPI.getTags() != null) {
            openAPI.getTags().forEach(tag -> described.put(tag.getName(), tag.getDescription()));
        }
        List<org.eclipse.microprofile.openapi.models.tags.Tag> tags = new ArrayList<>();
        for (String name : used) {
            String description = described.get(name);
            tags.add(OASFactory.createTag().name(name).description(description != null ? description : TagDescriptions.of(name)));
        }
        openAPI.setTags(tags);
    }

    /**
     * Marks every property of an object schema reached only from responses as required: views are written whole.
     * Schemas also reached from a request body keep what bean validation declared.
     */
    private static void requireResponseProperties(OpenAPI openAPI) {
        Components components = openAPI.getComponents();
        if (components.getSchemas() == null || openAPI.getPaths() == null) {
            return;
        }
        Set<String> requestSide = new HashSet<>();
        Set<String> responseSide = new HashSet<>();
        for (PathItem item : openAPI.getPaths().getPathItems().values()) {
            for (Operation operation : item.getOperations().values()) {
                RequestBody body = operation.getRequestBody();
                if (body != null) {
                    reach(body.getContent(), components, requestSide);
                }
                if (operation.getResponses() != null) {
                    for (APIResponse response : operation.getResponses().getAPIResponses().values()) {
                        reach(response.getContent(), components, responseSide);
                    }
                }
            }
        }
        responseSide.removeAll(requestSide);
        responseSide.remove(PROBLEM); // members are left out when empty
        for (String name : responseSide) {
            Schema schema = components.getSchemas().get(name);
            if (schema != null && schema.getProperties() != null && !schema.getProperties().isEmpty()) {
                schema.setRequired(new ArrayList<>(schema.getProperties().keySet()));
            }
        }
    }

    private static void reach(Content content, Components components, Set<String> seen) {
        if (content == null || content.getMediaTypes() == null) {
            return;
        }
        for (MediaType media : content.getMediaTypes().values()) {
            reach(media.getSchema(), components, seen);
        }
    }

    private static void reach(Schema schema, Components components, Set<String> seen) {
        if (schema == null) {
            return;
        }
        if (schema.getRef() != null) {
            String name = schema.getRef().substring(schema.getRef().lastIndexOf('/') + 1);
            if (seen.add(name) && components.getSchemas() != null) {
                reach(components.getSchemas().get(name), components, seen);
            }
            return;
        }
        if (schema.getProperties() != null) {
            schema.getProperties().values().forEach(p -> reach(p, components, seen));
        }
        reach(schema.getItems(), components, seen);
        if (schema.getAdditionalPropertiesSchema() != null) {
            reach(schema.getAdditionalPropertiesSchema(), components, seen);
        }
        for (List<Schema> group : Arrays.asList(schema.getAllOf(), schema.getAnyOf(), schema.getOneOf())) {
            if (group != null) {
                group.forEach(s -> reach(s, components, seen));
            }
        }
    }

    /** Operation ids from method and path, stable and readable: GET /api/v1/notes/{id}/versions is getNoteVersions. */
    static final class OperationIds {
        private OperationIds() {
        }

        static String of(String method, String path) {
            List<String> fixed = new ArrayList<>();
            String[] parts = path.replaceFirst("^/api/v\\d+/", "").split("/");
            boolean endsWithParameter = parts[parts.length - 1].startsWith("{");
            for (int i = 0; i < parts.length; i++) {
                String part = parts[i];
                if (part.isEmpty() || part.startsWith("{")) {
                    continue;
                }
                boolean followedByParameter = i + 1 < parts.length && parts[i + 1].startsWith("{");
                fixed.add(followedByParameter ? singular(part) : part);
            }
            String verb = switch (method) {
                case "GET" -> endsWithParameter || fixed.size() > 1 ? "get" : "list";
                case "POST" -> fixed.size() == 1 ? "create" : "post";
                case "PUT" -> "replace";
                case "PATCH" -> "update";
                case "DELETE" -> "delete";
                default -> method.toLowerCase(Locale.ROOT);
            };
            if (verb.equals("create")) {
                fixed.set(0, singular(fixed.get(0)));
            }
            StringBuilder id = new StringBuilder(verb);
            for (String word : fixed) {
                for (String piece : word.split("-")) {
                    id.append(Character.toUpperCase(piece.charAt(0))).append(piece.substring(1));
                }
            }
            return id.toString();
        }

        static String singular(String word) {
            if (word.endsWith("ies")) {
                return word.substring(0, word.length() - 3) + "y";
            }
            if (word.endsWith("zes") || word.endsWith("sses")) {
                return word.substring(0, word.length() - 2).replaceFirst("zz$", "z");
            }
            return word.endsWith("s") ? word.substring(0, word.length() - 1) : word;
        }
    }

    /** Descriptions of the tags derived from paths, for resources that declare none. */
    static final class TagDescriptions {
        private static final Map<String, String> KNOWN = Map.ofEntries(
                Map.entry("notes", "Markdown notes with versions, outline and soft delete"),
                Map.entry("decks", "Decks: nested folders of notes"),
                Map.entry("tags", "Tags of readable notes with counts"),
                Map.entry("search", "Full-text search in Chinese and English"),
                Map.entry("imports", "Import Markdown files or zips"),
                Map.entry("exports", "Export decks as zips of Markdown"),
                Map.entry("items", "Quiz items generated from notes"),
                Map.entry("generate", "Stateless preview of generated items"),
                Map.entry("quizzes", "Quizzes and graded answers"),
                Map.entry("enrollments", "Following notes, decks and tags"),
                Map.entry("reviews", "The due queue and FSRS-6 reviews"),
                Map.entry("cards", "The learner's cards"),
                Map.entry("settings", "Scheduling settings"),
                Map.entry("stats", "Study statistics"),
                Map.entry("admin", "Operators: dead letters"));

        private TagDescriptions() {
        }

        static String of(String tag) {
            return KNOWN.getOrDefault(tag, tag);
        }
    }
}
