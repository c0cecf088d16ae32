package dev.pipelineharness.faults;

import dev.pipelineharness.api.FaultContext;
import dev.pipelineharness.api.RegistryCredentials;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.List;

/** {@link SchemaRegistrationFaultProvider}'s calls over Confluent's Schema Registry REST API. */
final class HttpSchemaRegistryCalls implements SchemaRegistrationFaultProvider.SchemaRegistryCalls {

    private static final Duration TIMEOUT = Duration.ofSeconds(15);
    private final HttpClient client = HttpClient.newBuilder().connectTimeout(TIMEOUT).build();

    @Override
    public List<Integer> versions(FaultContext context, String subject) throws Exception {
        HttpResponse<String> response = client.send(request(context, "/subjects/" + encode(subject) + "/versions")
                .GET().build(), HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() == 404) {
            return List.of();
        }
        if (response.statusCode() != 200) {
            throw new IllegalStateException("the registry answered HTTP " + response.statusCode() + " listing " + subject);
        }
        return RegistryJson.versions(response.body());
    }

    @Override
    public SchemaRegistrationFaultProvider.Answer register(FaultContext context, String subject, String schema)
            throws Exception {
        String body = RegistryJson.registration(schema);
        HttpResponse<String> response = client.send(request(context, "/subjects/" + encode(subject) + "/versions")
                .header("Content-Type", "application/vnd.schemaregistry.v1+json")
                .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
        return new SchemaRegistrationFaultProvider.Answer(response.statusCode(), RegistryJson.answer(response.body()));
    }

    private static HttpRequest.Builder request(FaultContext context, String path) {
        URI base = context.deployment().endpoints().schemaRegistry().orElseThrow(() -> new IllegalStateException(
                "register-schema needs a schema registry, and this topology has none"));
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(base.toString().replaceAll("/$", "") + path))
                .timeout(TIMEOUT);
        context.deployment().endpoints().schemaRegistryCredentials().ifPresent(credentials ->
                request.header("Authorization", basic(credentials)));
        return request;
    }

    private static String basic(RegistryCredentials credentials) {
        return "Basic " + Base64.getEncoder().encodeToString((credentials.user().reveal() + ":"
                + credentials.password().reveal()).getBytes(StandardCharsets.UTF_8));
    }

    private static String encode(String subject) {
        return URLEncoder.encode(subject, StandardCharsets.UTF_8);
    }
}
