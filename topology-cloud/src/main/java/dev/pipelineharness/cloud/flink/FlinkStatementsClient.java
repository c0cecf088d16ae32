package dev.pipelineharness.cloud.flink;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.pipelineharness.cloud.http.CloudApiException;
import dev.pipelineharness.cloud.http.CloudHttp;
import dev.pipelineharness.cloud.http.CloudWait;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Flink SQL statements on Confluent Cloud (Flink SQL API v1): create one, wait for its phase,
 * stop and resume it (the whole object PUT back, retried on a stale {@code resource_version}), and
 * delete it.
 */
public final class FlinkStatementsClient {

    /** A statement as listed: its name, phase and when it was created. */
    public record Statement(String name, String phase, String detail, Instant createdAt) {
    }

    private static final Set<String> FAILED = Set.of("FAILED", "FAILING");
    private static final int STALE_RETRIES = 5;

    private final CloudHttp http;
    private final CloudWait wait;
    private final FlinkSettings settings;

    public FlinkStatementsClient(CloudHttp http, CloudWait wait, FlinkSettings settings) {
        this.http = http;
        this.wait = wait;
        this.settings = settings;
    }

    /** A read that proves the endpoint and the Flink key work. */
    public void check() {
        http.get(settings.statements("?page_size=1"), settings.credentials());
    }

    public void create(String name, String sql, Map<String, String> properties) {
        ObjectNode body = JsonNodeFactory.instance.objectNode().put("name", name);
        ObjectNode spec = body.putObject("spec").put("statement", sql).put("compute_pool_id", settings.computePoolId())
                .put("stopped", false);
        ObjectNode props = spec.putObject("properties");
        props.put("sql.current-catalog", settings.catalog());
        props.put("sql.current-database", settings.database());
        properties.forEach(props::put);
        http.post(settings.statements(""), settings.credentials(), body);
    }

    public Statement get(String name) {
        JsonNode body = http.get(settings.statements("/" + name), settings.credentials()).body();
        return statement(body);
    }

    /**
     * The source positions the statement last processed ({@code status.latest_offsets}): per topic the
     * text {@code partition:0,offset:42;partition:1,offset:300}, as Flink's
     * {@code scan.startup.specific-offsets} takes it. Empty when the service reports none yet.
     */
    public Map<String, String> latestOffsets(String name) {
        JsonNode offsets = http.get(settings.statements("/" + name), settings.credentials()).body()
                .path("status").path("latest_offsets");
        Map<String, String> byTopic = new java.util.LinkedHashMap<>();
        offsets.fields().forEachRemaining(entry -> {
            if (entry.getValue().isTextual() && !entry.getValue().asText().isBlank()) {
                byTopic.put(entry.getKey(), entry.getValue().asText());
            }
        });
        return byTopic;
    }

    /** The settings this client submits with (endpoint, compute pool, catalog and database). */
    public FlinkSettings settings() {
        return settings;
    }

    /**
     * Waits until {@code name} is in one of {@code phases}; FAILED (or FAILING) ends the wait with
     * {@code status.detail}, prefixed by {@code where} (the file and line the statement came from).
     */
    public Statement awaitPhase(String name, Set<String> phases, String where, Duration timeout) {
        if (http.planning()) {
            http.log().note("GET", settings.statements("/" + name).toString(), "poll until phase " + phases);
            return new Statement(name, phases.iterator().next(), "", Instant.now());
        }
        return wait.until("Flink statement " + name + " (" + where + ") to reach " + String.join(" or ", phases),
                timeout, () -> {
                    Statement statement = get(name);
                    if (FAILED.contains(statement.phase()) && !phases.contains(statement.phase())) {
                        throw new StatementFailedException(where + ": Flink statement " + name + " is "
                                + statement.phase() + ": " + http.masker().mask(statement.detail()));
                    }
                    return statement;
                }, statement -> phases.contains(statement.phase()),
                statement -> statement.phase() + (statement.detail().isEmpty() ? "" : " (" + statement.detail() + ")"));
    }

    /** Stops ({@code true}) or resumes the statement; a 409 for a stale resource version re-reads and tries again. */
    public void setStopped(String name, boolean stopped) {
        for (int attempt = 1; ; attempt++) {
            ObjectNode current = (ObjectNode) http.get(settings.statements("/" + name), settings.credentials()).body();
            if (!current.path("spec").isObject()) {
                current.putObject("spec");
            }
            ((ObjectNode) current.get("spec")).put("stopped", stopped);
            current.remove("status");
            try {
                http.put(settings.statements("/" + name), settings.credentials(), current);
                return;
            } catch (CloudApiException e) {
                if (!e.isConflict() || attempt >= STALE_RETRIES) {
                    throw e;
                }
                // someone (the service itself) changed it since we read it: read it again
            }
        }
    }

    /** Deletes the statement and waits until it is gone; one already gone is fine. */
    public void delete(String name, Duration timeout) {
        try {
            http.delete(settings.statements("/" + name), settings.credentials());
        } catch (CloudApiException e) {
            if (e.isNotFound()) {
                return;
            }
            throw e;
        }
        if (http.planning()) {
            http.log().note("GET", settings.statements("/" + name).toString(), "poll until 404");
            return;
        }
        wait.until("Flink statement " + name + " to be deleted", timeout, () -> {
            try {
                return get(name).phase();
            } catch (CloudApiException e) {
                if (e.isNotFound()) {
                    return "";
                }
                throw e;
            }
        }, String::isEmpty, phase -> "phase " + phase);
    }

    /** Every statement of the environment, following the pages. */
    public List<Statement> list() {
        List<Statement> all = new ArrayList<>();
        String next = settings.statements("?page_size=100").toString();
        while (next != null && !next.isEmpty()) {
            JsonNode body = http.get(java.net.URI.create(next), settings.credentials()).body();
            body.path("data").forEach(item -> all.add(statement(item)));
            String following = body.path("metadata").path("next").asText("");
            next = following.isEmpty() || following.equals(next) ? null : following;
        }
        return all;
    }

    private static Statement statement(JsonNode body) {
        String created = body.path("metadata").path("created_at").asText("");
        return new Statement(body.path("name").asText(), body.path("status").path("phase").asText(""),
                body.path("status").path("detail").asText(""), created.isEmpty() ? Instant.EPOCH : Instant.parse(created));
    }
}
