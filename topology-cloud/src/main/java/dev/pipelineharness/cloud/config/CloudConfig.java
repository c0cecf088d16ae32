package dev.pipelineharness.cloud.config;

import static org.apiguardian.api.API.Status.EXPERIMENTAL;

import dev.pipelineharness.api.Secret;
import dev.pipelineharness.api.TopologySettings;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import org.apiguardian.api.API;

/**
 * The settings of {@code topology: cloud}, looked up per key in the run's configuration parameters,
 * then the environment, then the mapped terraform outputs ({@link CloudKeys}). {@link #missing()}
 * lists every required key without a value, so the topology's unavailable reason says exactly what
 * to set. Secret values are only handed out as {@link Secret}, and every one of them is known to
 * {@link #masker()}.
 */
@API(status = EXPERIMENTAL, since = "0.2")
public final class CloudConfig {

    private final Map<String, String> parameters;
    private final Function<String, String> environment;
    private final TerraformOutputs terraform;
    private final List<String> problems = new ArrayList<>();
    private final SecretMasker masker = new SecretMasker();

    private CloudConfig(Map<String, String> parameters, Function<String, String> environment) {
        this.parameters = Map.copyOf(parameters);
        this.environment = environment;
        this.terraform = readTerraform();
        registerSecrets();
    }

    public static CloudConfig from(TopologySettings settings) {
        return from(settings.configuration(), System::getenv);
    }

    /** @param environment the process environment, or a map's {@code get} in tests */
    public static CloudConfig from(Map<String, String> parameters, Function<String, String> environment) {
        return new CloudConfig(parameters, environment);
    }

    /** The value of {@code key}: configuration parameter, else environment variable, else terraform output. */
    public Optional<String> value(String key) {
        String parameter = parameters.get(key);
        if (parameter != null && !parameter.isBlank()) {
            return Optional.of(parameter.trim());
        }
        String variable = environment.apply(CloudKeys.environmentVariable(key));
        if (variable != null && !variable.isBlank()) {
            return Optional.of(variable.trim());
        }
        return terraform.get(key).filter(text -> !text.isBlank());
    }

    /** A required text value (not a secret). */
    public String text(String key) {
        return value(key).orElseThrow(() -> new IllegalStateException("missing " + describe(key)));
    }

    public String text(String key, String defaultValue) {
        return value(key).orElse(defaultValue);
    }

    public Secret secret(String key) {
        return Secret.of(value(key).orElseThrow(() -> new IllegalStateException("missing " + describe(key))));
    }

    public Optional<Secret> optionalSecret(String key) {
        return value(key).map(Secret::of);
    }

    public boolean flag(String key) {
        return value(key).map(Boolean::parseBoolean).orElse(false);
    }

    public List<String> list(String key, String defaultValue) {
        return Arrays.stream(text(key, defaultValue).split(",")).map(String::trim).filter(s -> !s.isEmpty()).toList();
    }

    /** A duration written as {@code 500ms}, {@code 5s} or {@code 2m}. */
    public Duration duration(String key, Duration defaultValue) {
        Optional<String> written = value(key);
        if (written.isEmpty()) {
            return defaultValue;
        }
        String text = written.get().toLowerCase(java.util.Locale.ROOT);
        try {
            if (text.endsWith("ms")) {
                return Duration.ofMillis(Long.parseLong(text.substring(0, text.length() - 2).trim()));
            }
            long amount = Long.parseLong(text.substring(0, text.length() - 1).trim());
            return switch (text.charAt(text.length() - 1)) {
                case 's' -> Duration.ofSeconds(amount);
                case 'm' -> Duration.ofMinutes(amount);
                case 'h' -> Duration.ofHours(amount);
                default -> throw new NumberFormatException(text);
            };
        } catch (NumberFormatException | StringIndexOutOfBoundsException e) {
            throw new IllegalArgumentException(key + " must be a duration such as 500ms, 5s or 2m, was '" + text + "'");
        }
    }

    public List<String> regions() {
        return list(CloudKeys.REGIONS, "east");
    }

    /** Every required key without a value, as {@link #describe} names it; empty when the topology can run. */
    public List<String> missing() {
        Set<String> required = new LinkedHashSet<>(List.of(CloudKeys.ENVIRONMENT_ID, CloudKeys.ORGANIZATION_ID,
                CloudKeys.CLOUD_API_KEY, CloudKeys.CLOUD_API_SECRET, CloudKeys.FLINK_ENDPOINT, CloudKeys.FLINK_API_KEY,
                CloudKeys.FLINK_API_SECRET, CloudKeys.FLINK_COMPUTE_POOL, CloudKeys.FLINK_CATALOG,
                CloudKeys.FLINK_DATABASE));
        for (String region : regions()) {
            for (String setting : List.of("cluster-id", "rest-endpoint", "bootstrap", "api-key", "api-secret")) {
                required.add(CloudKeys.kafka(region, setting));
            }
        }
        if (value(CloudKeys.POSTGRES_HOST).isPresent()) {
            required.addAll(List.of(CloudKeys.POSTGRES_DATABASE, CloudKeys.POSTGRES_USER, CloudKeys.POSTGRES_PASSWORD));
        }
        if (value(CloudKeys.REGISTRY_URL).isPresent()) {
            required.addAll(List.of(CloudKeys.REGISTRY_API_KEY, CloudKeys.REGISTRY_API_SECRET));
        }
        if (regions().size() > 1) {
            required.add(CloudKeys.LINK_NAME);
        }
        List<String> missing = new ArrayList<>();
        for (String key : required) {
            if (value(key).isEmpty()) {
                missing.add(describe(key));
            }
        }
        return missing;
    }

    /** Problems reading the settings (an unreadable terraform file): the topology cannot run with them. */
    public List<String> problems() {
        return List.copyOf(problems);
    }

    /** {@code pipeline-harness.cloud.flink.api-key (env PIPELINE_HARNESS_CLOUD_FLINK_API_KEY)}. */
    public static String describe(String key) {
        return key + " (env " + CloudKeys.environmentVariable(key) + ")";
    }

    /** Knows every secret value of this configuration, to mask it in anything written. */
    public SecretMasker masker() {
        return masker;
    }

    private TerraformOutputs readTerraform() {
        String outputs = lookupWithoutTerraform(CloudKeys.TERRAFORM_OUTPUTS);
        if (outputs == null) {
            return TerraformOutputs.none();
        }
        String mapping = lookupWithoutTerraform(CloudKeys.TERRAFORM_MAPPING);
        if (mapping == null) {
            problems.add(CloudKeys.TERRAFORM_OUTPUTS + " is set but " + describe(CloudKeys.TERRAFORM_MAPPING)
                    + " is not: the mapping says which output holds which setting");
            return TerraformOutputs.none();
        }
        try {
            return TerraformOutputs.read(Path.of(outputs), Path.of(mapping));
        } catch (IllegalArgumentException e) {
            problems.add(e.getMessage());
            return TerraformOutputs.none();
        }
    }

    private String lookupWithoutTerraform(String key) {
        String parameter = parameters.get(key);
        if (parameter != null && !parameter.isBlank()) {
            return parameter.trim();
        }
        String variable = environment.apply(CloudKeys.environmentVariable(key));
        return variable == null || variable.isBlank() ? null : variable.trim();
    }

    private void registerSecrets() {
        Set<String> keys = new LinkedHashSet<>(parameters.keySet());
        keys.addAll(List.of(CloudKeys.CLOUD_API_KEY, CloudKeys.CLOUD_API_SECRET, CloudKeys.FLINK_API_KEY,
                CloudKeys.FLINK_API_SECRET, CloudKeys.REGISTRY_API_KEY, CloudKeys.REGISTRY_API_SECRET,
                CloudKeys.POSTGRES_PASSWORD, CloudKeys.AWS_ACCESS_KEY_ID, CloudKeys.AWS_SECRET_ACCESS_KEY));
        for (String region : regions()) {
            keys.add(CloudKeys.kafka(region, "api-key"));
            keys.add(CloudKeys.kafka(region, "api-secret"));
            keys.add(CloudKeys.flink(region, "api-key"));
            keys.add(CloudKeys.flink(region, "api-secret"));
        }
        for (String key : keys) {
            if (CloudKeys.isSecret(key)) {
                value(key).ifPresent(masker::add);
            }
        }
    }

    @Override
    public String toString() {
        return "cloud configuration (values not shown)";
    }
}
