package dev.pipelineharness.formats.avro;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.pipelineharness.api.RegistryCredentials;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.apache.avro.Schema;
import org.apache.avro.SchemaParseException;

/**
 * A minimal client of the Confluent Schema Registry REST API (register, schema by id), on the JDK's HTTP
 * client. Ids and schemas are cached for the client's life: an id never changes its schema, and a subject
 * keeps the id a schema got, so each is asked once. Thread-safe.
 */
public final class SchemaRegistryClient implements SchemaRegistry {

    private static final String CONTENT_TYPE = "application/vnd.schemaregistry.v1+json";
    private static final ObjectMapper JSON = new ObjectMapper();

    private final URI baseUrl;
    private final Optional<RegistryCredentials> credentials;
    private final HttpClient http;
    private final Duration requestTimeout;
    private final Map<String, Map<Schema, Integer>> idsBySubject = new ConcurrentHashMap<>();
    private final Map<Integer, Schema> schemasById = new ConcurrentHashMap<>();

    public SchemaRegistryClient(URI baseUrl) {
        this(baseUrl, Duration.ofSeconds(10));
    }

    public SchemaRegistryClient(URI baseUrl, Duration requestTimeout) {
        this(baseUrl, Optional.empty(), requestTimeout);
    }

    /** A client of a registry that wants HTTP Basic authentication (Confluent Cloud: the SR API key and secret). */
    public SchemaRegistryClient(URI baseUrl, Optional<RegistryCredentials> credentials, Duration requestTimeout) {
        String text = Objects.requireNonNull(baseUrl, "baseUrl").toString();
        this.baseUrl = URI.create(text.endsWith("/") ? text.substring(0, text.length() - 1) : text);
        this.credentials = Objects.requireNonNull(credentials, "credentials");
        this.requestTimeout = requestTimeout;
        this.http = HttpClient.newBuilder().connectTimeout(requestTimeout).build();
    }

    @Override
    public int register(String subject, Schema schema) {
        return idsBySubject.computeIfAbsent(subject, s -> new ConcurrentHashMap<>())
                .computeIfAbsent(schema, s -> {
                    JsonNode answer = call("POST", "/subjects/" + encode(subject) + "/versions",
                            JSON.createObjectNode().put("schema", s.toString()).toString());
                    int id = answer.path("id").asInt(-1);
                    if (id < 0) {
                        throw new SchemaRegistryException("Schema registry " + baseUrl + " answered a registration under '"
                                + subject + "' without an id: " + answer, 200, -1);
                    }
                    schemasById.putIfAbsent(id, s);
                    return id;
                });
    }

    @Override
    public Schema schemaById(int id) {
        return schemasById.computeIfAbsent(id, key -> {
            JsonNode answer = call("GET", "/schemas/ids/" + key, null);
            String type = answer.path("schemaType").asText("AVRO");
            if (!type.equals("AVRO")) {
                throw new SchemaRegistryException("Schema id " + key + " in " + baseUrl + " is a " + type
                        + " schema; this serde reads Avro only", 200, -1);
            }
            try {
                return new Schema.Parser().parse(answer.path("schema").asText());
            } catch (SchemaParseException e) {
                throw new SchemaRegistryException("Schema id " + key + " in " + baseUrl + " does not parse as Avro: "
                        + e.getMessage(), e);
            }
        });
    }

    /** The version numbers registered under {@code subject}, oldest first; empty when the subject does not exist. */
    public List<Integer> versions(String subject) {
        JsonNode answer;
        try {
            answer = call("GET", "/subjects/" + encode(subject) + "/versions", null);
        } catch (SchemaRegistryException e) {
            if (e.errorCode() == 40401) { // subject not found
                return List.of();
            }
            throw e;
        }
        List<Integer> versions = new ArrayList<>();
        answer.forEach(version -> versions.add(version.asInt()));
        return versions;
    }

    /** The compatibility level that applies to {@code subject}: its own, or else the registry's global one. */
    public String compatibility(String subject) {
        return call("GET", "/config/" + encode(subject) + "?defaultToGlobal=true", null).path("compatibilityLevel").asText();
    }

    public URI baseUrl() {
        return baseUrl;
    }

    private JsonNode call(String method, String path, String body) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(baseUrl + path))
                .timeout(requestTimeout)
                .header("Accept", CONTENT_TYPE + ", application/json");
        // revealed into the header only: messages name the registry's URL, never the key or secret
        credentials.ifPresent(basic -> request.header("Authorization", "Basic " + Base64.getEncoder().encodeToString(
                (basic.user().reveal() + ":" + basic.password().reveal()).getBytes(StandardCharsets.UTF_8))));
        if (body != null) {
            request.header("Content-Type", CONTENT_TYPE).method(method, HttpRequest.BodyPublishers.ofString(body));
        } else {
            request.method(method, HttpRequest.BodyPublishers.noBody());
        }
        HttpResponse<String> response;
        try {
            response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new SchemaRegistryException("Schema registry " + baseUrl + " cannot be reached (" + method + " " + path
                    + "): " + e, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new SchemaRegistryException("Interrupted while calling schema registry " + baseUrl, e);
        }
        JsonNode answer = parse(response.body());
        if (response.statusCode() / 100 != 2) {
            throw new SchemaRegistryException("Schema registry " + baseUrl + " refused " + method + " " + path + " with HTTP "
                    + response.statusCode() + ": " + answer.path("message").asText(response.body()) + refusedBecause(response.statusCode()),
                    response.statusCode(), answer.path("error_code").asInt(-1));
        }
        return answer;
    }

    /** What a 401 or 403 means here, saying which credentials were (or were not) sent, never their value. */
    private String refusedBecause(int status) {
        if (status == 401) {
            return credentials.isPresent()
                    ? " (the registry did not accept the credentials the topology gave for it: a wrong or deleted key or "
                            + "secret, or a key of another resource)"
                    : " (the registry wants credentials and the topology gave none)";
        }
        return status == 403 ? " (the credentials are valid but not allowed to do this: check the key's role bindings)" : "";
    }

    private static JsonNode parse(String body) {
        try {
            return body == null || body.isBlank() ? JSON.createObjectNode() : JSON.readTree(body);
        } catch (IOException e) {
            return JSON.createObjectNode().put("message", body);
        }
    }

    private static String encode(String segment) {
        return URLEncoder.encode(segment, StandardCharsets.UTF_8).replace("+", "%20");
    }

    @Override
    public String toString() {
        return "schema registry client for " + baseUrl;
    }
}
