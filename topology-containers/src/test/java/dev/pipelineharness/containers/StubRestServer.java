package dev.pipelineharness.containers;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/** A REST API answering canned responses by method and path, recording what it was asked. */
public final class StubRestServer implements AutoCloseable {

    /** A canned answer. */
    public record Answer(int status, String body) {
    }

    /** Runs on the request's own thread before it is answered, say to hold it until others arrived. */
    @FunctionalInterface
    public interface BeforeAnswer {
        void run(String methodAndPath) throws InterruptedException;
    }

    private final HttpServer server;
    // a thread per request, so that requests held by a BeforeAnswer do not keep the others waiting
    private final ExecutorService handlers = Executors.newCachedThreadPool();
    private final Map<String, Answer> answers = new ConcurrentHashMap<>();
    private volatile BeforeAnswer beforeAnswer = methodAndPath -> { };
    public final List<String> requests = new ArrayList<>();

    public StubRestServer() throws IOException {
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/", exchange -> {
            String key = exchange.getRequestMethod() + " " + exchange.getRequestURI();
            String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
            synchronized (requests) {
                requests.add(body.isEmpty() ? key : key + " " + body);
            }
            try {
                beforeAnswer.run(key);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            Answer answer = answers.getOrDefault(key, new Answer(404, "{\"error_code\":404,\"message\":\"no stub for " + key + "\"}"));
            byte[] bytes = answer.body().getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().add("Content-Type", "application/json");
            exchange.sendResponseHeaders(answer.status(), bytes.length == 0 ? -1 : bytes.length);
            if (bytes.length > 0) {
                exchange.getResponseBody().write(bytes);
            }
            exchange.close();
        });
        server.setExecutor(handlers);
        server.start();
    }

    public StubRestServer answer(String methodAndPath, int status, String body) {
        answers.put(methodAndPath, new Answer(status, body));
        return this;
    }

    public StubRestServer beforeAnswering(BeforeAnswer hook) {
        beforeAnswer = hook;
        return this;
    }

    public URI uri() {
        return URI.create("http://127.0.0.1:" + server.getAddress().getPort());
    }

    @Override
    public void close() {
        server.stop(0);
        handlers.shutdownNow();
    }
}
