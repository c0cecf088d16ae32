package dev.pipelineharness.containers.proxy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Toxiproxy's HTTP API (github.com/Shopify/toxiproxy, README "HTTP API") as far as the topology uses it,
 * in memory: proxies are created, read, enabled and disabled; toxics are added, updated, listed and
 * removed. It moves no traffic; it lets the real Toxiproxy Java client be tested without Docker.
 */
final class StubToxiproxy implements AutoCloseable {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final HttpServer server;
    private final Map<String, ObjectNode> proxies = new LinkedHashMap<>();
    final List<String> requests = new ArrayList<>();

    StubToxiproxy() throws IOException {
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/", this::handle);
        server.start();
    }

    int port() {
        return server.getAddress().getPort();
    }

    private synchronized void handle(HttpExchange exchange) throws IOException {
        String method = exchange.getRequestMethod();
        String[] path = exchange.getRequestURI().getPath().replaceAll("^/|/$", "").split("/");
        JsonNode body = readBody(exchange);
        requests.add(method + " " + exchange.getRequestURI().getPath());
        try {
            if (path[0].equals("version")) {
                send(exchange, 200, JSON.getNodeFactory().textNode("2.12.0"));
            } else if (path.length == 1 && method.equals("POST")) {
                ObjectNode proxy = JSON.createObjectNode();
                proxy.put("name", body.path("name").asText()).put("listen", body.path("listen").asText())
                        .put("upstream", body.path("upstream").asText()).put("enabled", true);
                proxy.putArray("toxics");
                proxies.put(proxy.get("name").asText(), proxy);
                send(exchange, 201, proxy);
            } else if (path.length == 2) {
                ObjectNode proxy = proxy(path[1]);
                if (method.equals("POST") && body.has("enabled")) {
                    proxy.put("enabled", body.get("enabled").asBoolean());
                }
                send(exchange, 200, proxy);
            } else if (path.length == 3 && method.equals("GET")) {
                send(exchange, 200, proxy(path[1]).get("toxics"));
            } else if (path.length == 3 && method.equals("POST")) {
                ArrayNode toxics = (ArrayNode) proxy(path[1]).get("toxics");
                ObjectNode toxic = ((ObjectNode) body).deepCopy();
                if (!toxic.has("toxicity")) {
                    toxic.put("toxicity", 1.0);
                }
                toxics.add(toxic);
                send(exchange, 200, toxic);
            } else if (path.length == 4 && method.equals("POST")) {
                ObjectNode toxic = toxic(path[1], path[3]);
                if (body.has("attributes")) {
                    ((ObjectNode) toxic.get("attributes")).setAll((ObjectNode) body.get("attributes"));
                }
                send(exchange, 200, toxic);
            } else if (path.length == 4 && method.equals("DELETE")) {
                ArrayNode toxics = (ArrayNode) proxy(path[1]).get("toxics");
                for (int i = 0; i < toxics.size(); i++) {
                    if (toxics.get(i).path("name").asText().equals(path[3])) {
                        toxics.remove(i);
                        break;
                    }
                }
                exchange.sendResponseHeaders(204, -1);
            } else {
                send(exchange, 404, JSON.createObjectNode().put("error", "not found").put("status", 404));
            }
        } catch (IllegalArgumentException notFound) {
            send(exchange, 404, JSON.createObjectNode().put("error", notFound.getMessage()).put("status", 404));
        } finally {
            exchange.close();
        }
    }

    private ObjectNode proxy(String name) {
        ObjectNode proxy = proxies.get(name);
        if (proxy == null) {
            throw new IllegalArgumentException("proxy not found");
        }
        return proxy;
    }

    private ObjectNode toxic(String proxy, String name) {
        for (JsonNode toxic : proxy(proxy).get("toxics")) {
            if (toxic.path("name").asText().equals(name)) {
                return (ObjectNode) toxic;
            }
        }
        throw new IllegalArgumentException("toxic not found");
    }

    private static JsonNode readBody(HttpExchange exchange) throws IOException {
        byte[] bytes = exchange.getRequestBody().readAllBytes();
        return bytes.length == 0 ? JSON.createObjectNode() : JSON.readTree(new String(bytes, StandardCharsets.UTF_8));
    }

    private static void send(HttpExchange exchange, int status, JsonNode body) throws IOException {
        byte[] bytes = JSON.writeValueAsBytes(body);
        exchange.getResponseHeaders().add("Content-Type", "application/json");
        exchange.sendResponseHeaders(status, bytes.length);
        exchange.getResponseBody().write(bytes);
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
