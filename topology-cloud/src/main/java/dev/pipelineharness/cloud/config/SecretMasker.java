package dev.pipelineharness.cloud.config;

import static org.apiguardian.api.API.Status.EXPERIMENTAL;

import java.util.Base64;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.apiguardian.api.API;

/**
 * Replaces every known secret value (and its Base64 form, as it travels in a Basic authorization
 * header) in a text with {@code ******}: a last line of defence for plan files, error messages and
 * response bodies that echo a request, since a secret resolved into a connector's configuration is
 * plain text by then.
 */
@API(status = EXPERIMENTAL, since = "0.2")
public final class SecretMasker {

    public static final String MASK = "******";

    private final List<String> secrets = new CopyOnWriteArrayList<>();

    public void add(String secret) {
        // very short values would mask ordinary words; the harness's secrets are keys and passwords
        if (secret != null && secret.length() >= 4 && !secrets.contains(secret)) {
            secrets.add(secret);
        }
    }

    public String mask(String text) {
        if (text == null) {
            return null;
        }
        String masked = text;
        List<String> longestFirst = secrets.stream().sorted(Comparator.comparingInt(String::length).reversed()).toList();
        for (String secret : longestFirst) {
            masked = masked.replace(secret, MASK);
            masked = masked.replace(Base64.getEncoder().encodeToString(secret.getBytes(java.nio.charset.StandardCharsets.UTF_8)), MASK);
        }
        return masked;
    }
}
