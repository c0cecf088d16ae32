package dev.pipelineharness.cloud.http;

import dev.pipelineharness.api.Secret;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Map;

/**
 * The API key one Confluent Cloud API is called with (HTTP Basic, key:secret), and the settings it
 * came from, so a 401 or 403 can say which key is wrong without showing it.
 *
 * @param api           the API, for messages: {@code Flink SQL}, {@code Kafka REST (east)}
 * @param keySetting    the key's setting, such as {@code pipeline-harness.cloud.flink.api-key}
 * @param secretSetting the secret's setting
 */
public record ApiCredentials(String api, String keySetting, String secretSetting, Secret key, Secret secret)
        implements RequestAuth {

    @Override
    public Map<String, String> headers(String method, URI uri, String contentType, byte[] body) {
        return Map.of("Authorization", authorization());
    }

    @Override
    public String unauthenticated() {
        return "the " + api + " API did not accept the key in " + keySetting + " and " + secretSetting
                + " (a wrong key or secret, a deleted key, or a key of another resource)";
    }

    @Override
    public String unauthorized() {
        return "the key in " + keySetting + " is valid but not allowed to do this on the " + api
                + " API (check its role bindings or ACLs)";
    }

    @Override
    public String describe() {
        return toString();
    }

    String authorization() {
        return "Basic " + Base64.getEncoder().encodeToString(
                (key.reveal() + ":" + secret.reveal()).getBytes(StandardCharsets.UTF_8));
    }

    @Override
    public String toString() {
        return api + " key from " + keySetting;
    }
}
