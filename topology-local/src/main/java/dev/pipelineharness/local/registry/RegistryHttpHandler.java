package dev.pipelineharness.local.registry;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;
import java.io.IOException;
import java.io.OutputStream;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Maps the Confluent Schema Registry REST API, the part Kafka and Flink clients use, onto a {@link SchemaStore}.
 * Answers are {@code application/vnd.schemaregistry.v1+json}; errors carry Confluent's error codes.
 */
final class RegistryHttpHandler implements HttpHandler {

    static final String CONTENT_TYPE = "application/vnd.schemaregistry.v1+json";
    private static final Logger LOG = LoggerFactory.getLogger(RegistryHttpHandler.class);
    private static final ObjectMapper JSON = new ObjectMapper();

    private final SchemaStore store;

    RegistryHttpHandler(SchemaStore store) {
        this.store = store;
    }

    @Override
    public void handle(HttpExchange exchange) throws IOException {
        String method = exchange.getRequestMethod();
        String path = exchange.getRequestURI().getRawPath();
        Map<String, String> query = query(exchange.getRequestURI().getRawQuery());
        int status = 200;
        Object body;
        try {
            String requestBody = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
            body = route(method, segments(path), query, requestBody, path);
        } catch (RegistryError e) {
            status = e.status();
            body = Map.of("error_code", e.errorCode(), "message", e.getMessage());
        } catch (RuntimeException e) {
            LOG.warn("Schema registry failed on {} {}", method, path, e);
            status = 500;
            body = Map.of("error_code", 50001, "message", "Error in the backend data store: " + e);
        }
        byte[] bytes = body instanceof RawJson raw ? raw.text().getBytes(StandardCharsets.UTF_8) : JSON.writeValueAsBytes(body);
        exchange.getResponseHeaders().set("Content-Type", CONTENT_TYPE);
        exchange.sendResponseHeaders(status, bytes.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(bytes);
        }
    }

    /** A JSON text sent as is (the raw-schema endpoints answer with the schema itself). */
    private record RawJson(String text) {
    }

    private Object route(String method, List<String> p, Map<String, String> query, String body, String path) {
        int n = p.size();
        if (n == 0) {
            return get(method, path, Map.of());
        }
        switch (p.get(0)) {
            case "schemas":
                if (n == 2 && p.get(1).equals("types")) {
                    return get(method, path, List.of("AVRO"));
                }
                if (n >= 3 && p.get(1).equals("ids")) {
                    requireMethod("GET", method, path);
                    String schema = store.schemaById(id(p.get(2)));
                    if (n == 3) {
                        return Map.of("schema", schema);
                    }
                    if (n == 4 && p.get(3).equals("schema")) {
                        return new RawJson(schema);
                    }
                    if (n == 4 && p.get(3).equals("subjects")) {
                        return store.versionsOfId(id(p.get(2))).stream().map(SchemaStore.Version::subject).distinct().toList();
                    }
                    if (n == 4 && p.get(3).equals("versions")) {
                        return store.versionsOfId(id(p.get(2))).stream()
                                .map(v -> Map.of("subject", v.subject(), "version", v.version())).toList();
                    }
                }
                break;
            case "subjects":
                return subjects(method, p, query, body, path);
            case "config":
                return config(method, p, query, body, path);
            case "compatibility":
                if (n == 5 && p.get(1).equals("subjects") && p.get(3).equals("versions")) {
                    requireMethod("POST", method, path);
                    List<String> violations = store.checkCompatibility(p.get(2), p.get(4), schemaOf(body));
                    Map<String, Object> answer = new LinkedHashMap<>();
                    answer.put("is_compatible", violations.isEmpty());
                    if (Boolean.parseBoolean(query.getOrDefault("verbose", "false"))) {
                        answer.put("messages", violations);
                    }
                    return answer;
                }
                break;
            case "mode":
                return get(method, path, Map.of("mode", "READWRITE"));
            default:
                break;
        }
        throw RegistryError.notFound(method, path);
    }

    private Object subjects(String method, List<String> p, Map<String, String> query, String body, String path) {
        int n = p.size();
        if (n == 1) {
            return get(method, path, store.subjects());
        }
        String subject = p.get(1);
        if (n == 2) {
            if (method.equals("POST")) {
                return describe(store.lookup(subject, schemaOf(body)));
            }
            if (method.equals("DELETE")) {
                return store.deleteSubject(subject);
            }
            throw RegistryError.methodNotAllowed(method, path);
        }
        if (!p.get(2).equals("versions")) {
            throw RegistryError.notFound(method, path);
        }
        if (n == 3) {
            if (method.equals("POST")) {
                return Map.of("id", store.register(subject, schemaOf(body)));
            }
            return get(method, path, store.versions(subject));
        }
        requireMethod("GET", method, path);
        SchemaStore.Version version = store.version(subject, p.get(3));
        if (n == 4) {
            return describe(version);
        }
        if (n == 5 && p.get(4).equals("schema")) {
            return new RawJson(version.schema());
        }
        throw RegistryError.notFound(method, path);
    }

    private Object config(String method, List<String> p, Map<String, String> query, String body, String path) {
        if (p.size() == 1) {
            if (method.equals("PUT")) {
                CompatibilityLevel level = CompatibilityLevel.parse(field(body, "compatibility"));
                store.globalCompatibility(level);
                return Map.of("compatibility", level.name());
            }
            return get(method, path, Map.of("compatibilityLevel", store.globalCompatibility().name()));
        }
        if (p.size() != 2) {
            throw RegistryError.notFound(method, path);
        }
        String subject = p.get(1);
        switch (method) {
            case "PUT": {
                CompatibilityLevel level = CompatibilityLevel.parse(field(body, "compatibility"));
                store.subjectCompatibility(subject, level);
                return Map.of("compatibility", level.name());
            }
            case "GET": {
                CompatibilityLevel level = store.subjectCompatibility(subject).orElseGet(() -> {
                    if (Boolean.parseBoolean(query.getOrDefault("defaultToGlobal", "false"))) {
                        return store.globalCompatibility();
                    }
                    throw RegistryError.subjectCompatibilityNotConfigured(subject);
                });
                return Map.of("compatibilityLevel", level.name());
            }
            case "DELETE": {
                CompatibilityLevel previous = store.subjectCompatibility(subject)
                        .orElseThrow(() -> RegistryError.subjectCompatibilityNotConfigured(subject));
                store.clearSubjectCompatibility(subject);
                return Map.of("compatibilityLevel", previous.name());
            }
            default:
                throw RegistryError.methodNotAllowed(method, path);
        }
    }

    private static Map<String, Object> describe(SchemaStore.Version version) {
        Map<String, Object> answer = new LinkedHashMap<>();
        answer.put("subject", version.subject());
        answer.put("version", version.version());
        answer.put("id", version.id());
        answer.put("schema", version.schema());
        return answer;
    }

    private static Object get(String method, String path, Object answer) {
        requireMethod("GET", method, path);
        return answer;
    }

    private static void requireMethod(String expected, String method, String path) {
        if (!expected.equals(method)) {
            throw RegistryError.methodNotAllowed(method, path);
        }
    }

    /** The schema of a register, lookup or compatibility request; only Avro without references is served. */
    private static String schemaOf(String body) {
        JsonNode request = parse(body);
        String type = request.path("schemaType").asText("AVRO");
        if (!type.equals("AVRO")) {
            throw RegistryError.invalidSchema("schema type " + type + " is not served here, only AVRO");
        }
        if (request.path("references").size() > 0) {
            throw RegistryError.invalidSchema("schema references are not served here");
        }
        JsonNode schema = request.get("schema");
        if (schema == null || !schema.isTextual()) {
            throw RegistryError.invalidSchema("the request has no \"schema\" string");
        }
        return schema.asText();
    }

    private static String field(String body, String name) {
        JsonNode value = parse(body).get(name);
        if (value == null || !value.isTextual()) {
            throw RegistryError.badRequest("the request has no \"" + name + "\" string");
        }
        return value.asText();
    }

    private static JsonNode parse(String body) {
        try {
            JsonNode node = JSON.readTree(body);
            if (node == null || !node.isObject()) {
                throw RegistryError.badRequest("the request body is not a JSON object");
            }
            return node;
        } catch (JsonProcessingException e) {
            throw RegistryError.badRequest("the request body is not JSON: " + e.getOriginalMessage());
        }
    }

    private static int id(String text) {
        try {
            return Integer.parseInt(text);
        } catch (NumberFormatException e) {
            throw RegistryError.schemaNotFound("'" + text + "' is not a schema id");
        }
    }

    private static List<String> segments(String rawPath) {
        List<String> segments = new ArrayList<>();
        for (String raw : rawPath.split("/")) {
            if (!raw.isEmpty()) {
                segments.add(decode(raw));
            }
        }
        return segments;
    }

    private static Map<String, String> query(String rawQuery) {
        Map<String, String> query = new LinkedHashMap<>();
        if (rawQuery != null) {
            Arrays.stream(rawQuery.split("&")).filter(pair -> !pair.isEmpty()).forEach(pair -> {
                int eq = pair.indexOf('=');
                query.put(decode(eq < 0 ? pair : pair.substring(0, eq)), eq < 0 ? "" : decode(pair.substring(eq + 1)));
            });
        }
        return query;
    }

    private static String decode(String raw) {
        return URLDecoder.decode(raw.replace("+", "%2B"), StandardCharsets.UTF_8);
    }
}
