package dev.pipelineharness.containers.flink;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.pipelineharness.containers.support.HttpProbe;
import dev.pipelineharness.topology.support.BoundedWait;
import java.net.URI;
import java.net.http.HttpResponse;
import java.time.Duration;

/** The parts of Flink's REST API the topology reads: a job's state and its tasks', TaskManagers, cancel. */
public final class FlinkRestClient {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final URI base;

    public FlinkRestClient(URI base) {
        this.base = base;
    }

    /** True when the job is {@code RUNNING} and so is every one of its vertices ({@code GET /jobs/{id}}). */
    public boolean isRunning(String jobId) throws Exception {
        HttpResponse<String> response = HttpProbe.get(base.resolve("/jobs/" + jobId));
        if (response.statusCode() != 200) {
            return false;
        }
        JsonNode job = JSON.readTree(response.body());
        String state = job.path("state").asText();
        if ("FAILED".equals(state)) {
            throw new BoundedWait.NeverReadyException("Flink job " + jobId + " FAILED");
        }
        boolean running = "RUNNING".equals(state) && job.path("vertices").size() > 0;
        for (JsonNode vertex : job.path("vertices")) {
            running &= "RUNNING".equals(vertex.path("status").asText());
        }
        return running;
    }

    public void awaitRunning(String jobId, Duration timeout) {
        BoundedWait.until("Flink job " + jobId + " and all its tasks to be RUNNING", timeout, null, () -> isRunning(jobId));
    }

    /** True once at least one TaskManager is registered ({@code GET /taskmanagers}). */
    public boolean hasTaskManager() throws Exception {
        HttpResponse<String> response = HttpProbe.get(base.resolve("/taskmanagers"));
        return response.statusCode() == 200 && JSON.readTree(response.body()).path("taskmanagers").size() > 0;
    }

    /** Cancels the job ({@code PATCH /jobs/{id}?mode=cancel}) and waits until Flink says it is gone. */
    public void cancel(String jobId, Duration timeout) throws Exception {
        HttpResponse<String> response = HttpProbe.send("PATCH", base.resolve("/jobs/" + jobId + "?mode=cancel"), null);
        if (response.statusCode() >= 400 && response.statusCode() != 404) {
            throw new IllegalStateException("Flink did not cancel job " + jobId + " (HTTP " + response.statusCode()
                    + "): " + response.body());
        }
        BoundedWait.until("Flink job " + jobId + " to be cancelled", timeout, null, () -> {
            HttpResponse<String> job = HttpProbe.get(base.resolve("/jobs/" + jobId));
            if (job.statusCode() == 404) {
                return true;
            }
            String state = JSON.readTree(job.body()).path("state").asText();
            return "CANCELED".equals(state) || "FAILED".equals(state) || "FINISHED".equals(state);
        });
    }
}
