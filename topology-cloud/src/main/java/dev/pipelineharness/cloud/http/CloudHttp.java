package dev.pipelineharness.cloud.http;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import dev.pipelineharness.cloud.config.CloudKeys;
import dev.pipelineharness.cloud.config.SecretMasker;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.Set;

/**
 * Every call the cloud topology makes goes through here: authenticated, retried and recorded.
 *
 * <ul>
 *   <li>429: waits what {@code Retry-After} (or {@code X-RateLimit-Reset}) asks, else backs off
 *       exponentially; 5xx and connection errors back off exponentially. Never past the deadline,
 *       and the error then says what it retried and for how long.</li>
 *   <li>401 / 403: the error names the configured key that was refused, never its value.</li>
 *   <li>Plan mode: calls that change something are recorded and not sent (answered 202 with an
 *       empty body); reads are sent, so a plan still checks that every key works.</li>
 *   <li>Every body recorded or quoted in an error is masked by the {@link SecretMasker}.</li>
 * </ul>
 */
public final class CloudHttp {

    /** Waits between retries; a field so tests can record the waits instead of spending them. */
    @FunctionalInterface
    public interface Sleeper {
        void sleep(Duration duration) throws InterruptedException;
    }

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Set<String> READS = Set.of("GET", "HEAD");
    private static final Duration FIRST_BACKOFF = Duration.ofMillis(500);
    private static final Duration MAX_BACKOFF = Duration.ofSeconds(30);

    private final HttpClient client;
    private final Duration retryDeadline;
    private final boolean planning;
    private final CallLog log;
    private final SecretMasker masker;
    private final Sleeper sleeper;

    public CloudHttp(HttpClient client, Duration retryDeadline, boolean planning, CallLog log, SecretMasker masker,
                     Sleeper sleeper) {
        this.client = client;
        this.retryDeadline = retryDeadline;
        this.planning = planning;
        this.log = log;
        this.masker = masker;
        this.sleeper = sleeper;
    }

    public static HttpClient defaultClient() {
        return HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();
    }

    /** True in plan mode: callers skip the waits for state changes that will never happen. */
    public boolean planning() {
        return planning;
    }

    public CallLog log() {
        return log;
    }

    public SecretMasker masker() {
        return masker;
    }

    public ApiResponse get(URI uri, RequestAuth auth) {
        return send("GET", uri, auth, null);
    }

    public ApiResponse delete(URI uri, RequestAuth auth) {
        return send("DELETE", uri, auth, null);
    }

    public ApiResponse post(URI uri, RequestAuth auth, JsonNode body) {
        return send("POST", uri, auth, body);
    }

    public ApiResponse put(URI uri, RequestAuth auth, JsonNode body) {
        return send("PUT", uri, auth, body);
    }

    /** A JSON call; {@code body} may be null. */
    public ApiResponse send(String method, URI uri, RequestAuth auth, JsonNode body) {
        String text = body == null ? "" : body.toString();
        return exchange(method, uri, auth, body == null ? null : "application/json", text);
    }

    /** Any call: {@code contentType} null for none (RDS's Query API posts a form). Answers parsed as JSON when they are. */
    public ApiResponse exchange(String method, URI uri, RequestAuth auth, String contentType, String body) {
        boolean read = READS.contains(method);
        // a live run's polls are not worth keeping; every change is, and in a plan every call
        if (planning || !read) {
            log.add(new RecordedCall(Instant.now(), method, masker.mask(uri.toString()), auth.describe(),
                    masker.mask(body), read || !planning));
        }
        if (planning && !read) {
            return new ApiResponse(202, JsonNodeFactory.instance.objectNode(), "");
        }
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        Instant deadline = Instant.now().plus(retryDeadline);
        int attempt = 0;
        while (true) {
            attempt++;
            HttpResponse<String> response;
            try {
                response = client.send(request(method, uri, auth, contentType, bytes), HttpResponse.BodyHandlers.ofString());
            } catch (IOException e) {
                backOff(deadline, backoff(attempt), method, uri, "could not reach it (" + e.getClass().getSimpleName()
                        + ": " + masker.mask(String.valueOf(e.getMessage())) + ")");
                continue;
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new CloudApiException(0, "", method + " " + path(uri) + " was interrupted");
            }
            int status = response.statusCode();
            if (status == 429) {
                Duration wait = retryAfter(response).orElse(backoff(attempt));
                backOff(deadline, wait, method, uri, "rate limited (429, asked to wait " + wait.toSeconds() + " s)");
                continue;
            }
            if (status >= 500) {
                backOff(deadline, backoff(attempt), method, uri, "answered " + status + ": " + serverMessage(response.body()));
                continue;
            }
            if (status >= 400) {
                throw error(method, uri, auth, status, response.body());
            }
            return new ApiResponse(status, parse(response.body()), response.body() == null ? "" : response.body());
        }
    }

    private HttpRequest request(String method, URI uri, RequestAuth auth, String contentType, byte[] body) {
        HttpRequest.Builder builder = HttpRequest.newBuilder(uri).timeout(Duration.ofSeconds(60))
                .header("Accept", "application/json");
        if (contentType != null) {
            builder.header("Content-Type", contentType);
        }
        auth.headers(method, uri, contentType, body).forEach(builder::header);
        HttpRequest.BodyPublisher publisher = body.length == 0 ? HttpRequest.BodyPublishers.noBody()
                : HttpRequest.BodyPublishers.ofByteArray(body);
        return builder.method(method, publisher).build();
    }

    private void backOff(Instant deadline, Duration wait, String method, URI uri, String why) {
        Duration left = Duration.between(Instant.now(), deadline);
        if (wait.compareTo(left) > 0) {
            throw new CloudApiException(0, "", method + " " + path(uri) + ": gave up after retrying for "
                    + retryDeadline.toSeconds() + " s (" + CloudKeys.RETRY_DEADLINE + "); last: " + why);
        }
        try {
            sleeper.sleep(wait);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new CloudApiException(0, "", method + " " + path(uri) + " was interrupted while waiting to retry: " + why);
        }
    }

    private static Duration backoff(int attempt) {
        long millis = FIRST_BACKOFF.toMillis() << Math.min(attempt - 1, 10);
        return Duration.ofMillis(Math.min(millis, MAX_BACKOFF.toMillis()));
    }

    /** {@code Retry-After} in seconds (the APIs never send a date), else {@code X-RateLimit-Reset} (relative seconds). */
    static Optional<Duration> retryAfter(HttpResponse<?> response) {
        for (String header : new String[] {"Retry-After", "X-RateLimit-Reset"}) {
            Optional<String> value = response.headers().firstValue(header);
            if (value.isPresent()) {
                try {
                    return Optional.of(Duration.ofSeconds(Math.max(0, Long.parseLong(value.get().trim()))));
                } catch (NumberFormatException ignored) {
                    // an HTTP date or garbage: fall back to the backoff
                }
            }
        }
        return Optional.empty();
    }

    private CloudApiException error(String method, URI uri, RequestAuth auth, int status, String body) {
        JsonNode parsed = parse(body);
        String code = parsed.path("error_code").asText(parsed.path("error").path("code").asText(""));
        StringBuilder message = new StringBuilder(method).append(' ').append(path(uri)).append(" answered ")
                .append(status).append(": ").append(serverMessage(body));
        if (status == 401) {
            message.append("; ").append(auth.unauthenticated());
        } else if (status == 403) {
            message.append("; ").append(auth.unauthorized());
        }
        return new CloudApiException(status, code, masker.mask(message.toString()));
    }

    /** The API's own message, whichever of the published error shapes it uses. */
    String serverMessage(String body) {
        JsonNode parsed = parse(body);
        String message = firstText(parsed.path("message"), parsed.path("error").path("message"),
                parsed.path("errors").path(0).path("detail"), parsed.path("errors").path(0).path("title"),
                parsed.path("error"));
        if (message.isEmpty()) {
            message = body == null ? "" : body.length() > 500 ? body.substring(0, 500) + "..." : body;
        }
        return masker.mask(message.isEmpty() ? "(no body)" : message);
    }

    private static String firstText(JsonNode... candidates) {
        for (JsonNode candidate : candidates) {
            if (candidate.isTextual() && !candidate.asText().isBlank()) {
                return candidate.asText();
            }
        }
        return "";
    }

    private static JsonNode parse(String body) {
        if (body == null || body.isBlank()) {
            return JsonNodeFactory.instance.objectNode();
        }
        try {
            return JSON.readTree(body);
        } catch (IOException notJson) {
            return JsonNodeFactory.instance.objectNode();
        }
    }

    private static String path(URI uri) {
        return uri.getRawPath() + (uri.getRawQuery() == null ? "" : "?" + uri.getRawQuery());
    }
}
