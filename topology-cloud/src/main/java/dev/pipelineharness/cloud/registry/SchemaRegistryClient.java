package dev.pipelineharness.cloud.registry;

import com.fasterxml.jackson.databind.JsonNode;
import dev.pipelineharness.cloud.http.ApiCredentials;
import dev.pipelineharness.cloud.http.CloudApiException;
import dev.pipelineharness.cloud.http.CloudHttp;
import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * The subjects of the Schema Registry a run's topics registered ({@code <topic>-value}): listed and
 * deleted at the end, soft first and then permanently, as the registry requires.
 */
public final class SchemaRegistryClient {

    private final CloudHttp http;
    private final URI url;
    private final ApiCredentials credentials;

    public SchemaRegistryClient(CloudHttp http, URI url, ApiCredentials credentials) {
        this.http = http;
        this.url = url;
        this.credentials = credentials;
    }

    public URI url() {
        return url;
    }

    public List<String> subjects() {
        JsonNode body = http.get(at("/subjects"), credentials).body();
        List<String> subjects = new ArrayList<>();
        body.forEach(subject -> subjects.add(subject.asText()));
        return subjects;
    }

    public void deleteSubject(String subject) {
        String path = "/subjects/" + URLEncoder.encode(subject, StandardCharsets.UTF_8);
        try {
            http.delete(at(path), credentials);
            http.delete(at(path + "?permanent=true"), credentials);
        } catch (CloudApiException e) {
            if (!e.isNotFound()) {
                throw e;
            }
        }
    }

    private URI at(String path) {
        return URI.create(url.toString().replaceAll("/+$", "") + path);
    }
}
