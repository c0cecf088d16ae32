package dev.pipelineharness.topology.support;

import java.net.URI;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * A Kafka Connect {@code DELETE /connectors/{name}} in flight. A deployment sends the deletes of all its
 * connectors before it awaits any: one after another, each waited for the worker's rebalance the one
 * before had started (0.1 to 1 s each; a pipeline of seven connectors took about 3 s to undeploy). A
 * connector that does not exist is not an error.
 */
public final class ConnectorDelete {

    private final URI worker;
    private final String name;
    private final CompletableFuture<HttpResponse<String>> response;
    private final Duration timeout;

    /**
     * @param worker   the worker's REST address, for the messages
     * @param response the DELETE's answer to come
     * @param timeout  how long {@link #await()} waits: more than one request's timeout, since the other
     *                 deletes in flight share the worker
     */
    public ConnectorDelete(URI worker, String name, CompletableFuture<HttpResponse<String>> response, Duration timeout) {
        this.worker = worker;
        this.name = name;
        this.response = response;
        this.timeout = timeout;
    }

    /** Waits for Connect's answer; anything but deleted or not found is an error naming the connector. */
    public void await() {
        HttpResponse<String> answer;
        try {
            answer = response.get(timeout.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while deleting connector " + name + " in Kafka Connect at "
                    + worker, e);
        } catch (ExecutionException e) {
            throw notAnswered(e.getCause().toString(), e.getCause());
        } catch (TimeoutException e) {
            throw notAnswered("no answer within " + ReadableDuration.of(timeout), e);
        }
        int status = answer.statusCode();
        if (status != 200 && status != 204 && status != 404) {
            throw new IllegalStateException("Kafka Connect did not delete connector " + name + " (HTTP " + status + "): "
                    + ConnectErrorBody.message(answer.body()));
        }
    }

    private IllegalStateException notAnswered(String reason, Throwable cause) {
        return new IllegalStateException("Kafka Connect at " + worker + " did not answer the DELETE of connector " + name
                + ": " + reason, cause);
    }
}
