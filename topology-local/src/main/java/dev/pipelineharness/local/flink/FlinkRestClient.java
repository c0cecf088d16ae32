package dev.pipelineharness.local.flink;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;

/** The few calls of Flink's REST API the harness needs: a job's state, its checkpoints, cancel, stop-with-savepoint, slots. */
final class FlinkRestClient {

    private static final Duration REQUEST_TIMEOUT = Duration.ofSeconds(5);
    private static final ObjectMapper JSON = new ObjectMapper();

    private final URI base;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(REQUEST_TIMEOUT).build();

    FlinkRestClient(URI base) {
        this.base = base;
    }

    URI base() {
        return base;
    }

    /**
     * The job's state and whether every task of it is RUNNING: the job turns RUNNING while its tasks
     * are still being deployed or restoring state, so only the tasks say that records flow.
     */
    JobView job(String jobId) throws IOException, InterruptedException {
        JsonNode job = get("/jobs/" + jobId);
        boolean allTasksRunning = job.path("vertices").size() > 0;
        for (JsonNode vertex : job.path("vertices")) {
            allTasksRunning &= "RUNNING".equals(vertex.path("status").asText());
        }
        return new JobView(job.path("state").asText(), allTasksRunning);
    }

    /**
     * The newest failure Flink recorded for the job, as "exception: message" (first line of its stack
     * trace), or null when there is none: what a person needs when a job restarts instead of running.
     */
    String latestFailure(String jobId) throws IOException, InterruptedException {
        JsonNode exceptions = get("/jobs/" + jobId + "/exceptions?maxExceptions=1");
        JsonNode entries = exceptions.path("exceptionHistory").path("entries");
        String trace = entries.size() > 0 ? entries.get(0).path("stacktrace").asText(null)
                : exceptions.path("root-exception").asText(null);
        return trace == null || trace.isBlank() ? null : trace.strip().lines().findFirst().orElse(null);
    }

    long completedCheckpoints(String jobId) throws IOException, InterruptedException {
        return get("/jobs/" + jobId + "/checkpoints").path("counts").path("completed").asLong();
    }

    void cancel(String jobId) throws IOException, InterruptedException {
        HttpRequest request = HttpRequest.newBuilder(base.resolve("/jobs/" + jobId + "?mode=cancel"))
                .timeout(REQUEST_TIMEOUT)
                .method("PATCH", HttpRequest.BodyPublishers.noBody())
                .build();
        HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() != 202 && response.statusCode() != 200) {
            throw new IOException("Cancelling job " + jobId + " at " + base + ": HTTP " + response.statusCode()
                    + " " + response.body());
        }
    }

    /**
     * Stops the job with a savepoint into {@code directory} (no drain: event-time timers are not
     * fired early, so a resumed job continues as if it had never stopped) and returns the
     * savepoint's path once Flink reports it COMPLETED.
     */
    Path stopWithSavepoint(String jobId, Path directory, Duration timeout) throws IOException, InterruptedException {
        String body = JSON.writeValueAsString(java.util.Map.of("targetDirectory", directory.toUri().toString(),
                "drain", false));
        HttpRequest request = HttpRequest.newBuilder(base.resolve("/jobs/" + jobId + "/stop"))
                .timeout(REQUEST_TIMEOUT)
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body))
                .build();
        HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() != 202 && response.statusCode() != 200) {
            throw new IOException("Stopping job " + jobId + " with a savepoint at " + base + ": HTTP "
                    + response.statusCode() + " " + response.body());
        }
        String trigger = JSON.readTree(response.body()).path("request-id").asText();
        long deadline = System.nanoTime() + timeout.toNanos();
        while (System.nanoTime() < deadline) {
            JsonNode status = get("/jobs/" + jobId + "/savepoints/" + trigger);
            if ("COMPLETED".equals(status.path("status").path("id").asText())) {
                JsonNode operation = status.path("operation");
                if (operation.has("failure-cause")) {
                    throw new IOException("The savepoint of job " + jobId + " failed: "
                            + operation.path("failure-cause").path("stack-trace").asText("").lines().findFirst().orElse(""));
                }
                return Path.of(URI.create(operation.path("location").asText()));
            }
            Thread.sleep(100); // poll interval of a bounded wait on Flink's own status
        }
        throw new IOException("The savepoint of job " + jobId + " did not complete within " + timeout);
    }

    /** How many task slots the JobManager counts, over every registered TaskManager. */
    int totalSlots() throws IOException, InterruptedException {
        return get("/overview").path("slots-total").asInt();
    }

    private JsonNode get(String path) throws IOException, InterruptedException {
        HttpRequest request = HttpRequest.newBuilder(base.resolve(path)).timeout(REQUEST_TIMEOUT).GET().build();
        HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() != 200) {
            throw new IOException("GET " + base.resolve(path) + ": HTTP " + response.statusCode() + " " + response.body());
        }
        return JSON.readTree(response.body());
    }

    /** A job as the REST API shows it. */
    record JobView(String state, boolean allTasksRunning) {

        boolean isRunning() {
            return state.equals("RUNNING") && allTasksRunning;
        }
    }
}
