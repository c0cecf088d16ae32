package dev.pipelineharness.containers.support;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;

/** Small HTTP calls to the REST APIs of the containers (Connect, Flink, the registry), with a short timeout each. */
public final class HttpProbe {

    /** How long one request may take before it fails. */
    public static final Duration REQUEST_TIMEOUT = Duration.ofSeconds(30);

    private static final HttpClient CLIENT = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    private HttpProbe() {
    }

    public static HttpResponse<String> send(String method, URI uri, String jsonBody) throws IOException, InterruptedException {
        return CLIENT.send(request(method, uri, jsonBody), HttpResponse.BodyHandlers.ofString());
    }

    /** Like {@link #send}, but returns at once: the response completes the future, a failure completes it exceptionally. */
    public static CompletableFuture<HttpResponse<String>> sendAsync(String method, URI uri, String jsonBody) {
        return CLIENT.sendAsync(request(method, uri, jsonBody), HttpResponse.BodyHandlers.ofString());
    }

    public static HttpResponse<String> get(URI uri) throws IOException, InterruptedException {
        return send("GET", uri, null);
    }

    private static HttpRequest request(String method, URI uri, String jsonBody) {
        HttpRequest.Builder request = HttpRequest.newBuilder(uri).timeout(REQUEST_TIMEOUT)
                .header("Accept", "application/json");
        if (jsonBody == null) {
            request.method(method, HttpRequest.BodyPublishers.noBody());
        } else {
            request.header("Content-Type", "application/json").method(method, HttpRequest.BodyPublishers.ofString(jsonBody));
        }
        return request.build();
    }
}
