package dev.pipelineharness.cloud.config;

import static org.apiguardian.api.API.Status.EXPERIMENTAL;

import dev.pipelineharness.api.Namespace;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apiguardian.api.API;

/**
 * How the cloud topology names what it creates, so that a sweep can find what a killed run left and
 * never touch anything else: every name starts with {@code ph}, the UTC minute the run started
 * ({@code yyyyMMddHHmm}) and a separator, then the engine's run and scenario ids:
 * {@code ph202612010815_r3k9a2_routing_smoke_raw_business_events}. Flink statement names, which
 * allow no underscore, use hyphens.
 */
@API(status = EXPERIMENTAL, since = "0.2")
public final class HarnessNames {

    public static final String MARK = "ph";
    private static final Pattern NAME = Pattern.compile("^" + MARK + "(\\d{12})[_-][a-z0-9].*");
    private static final DateTimeFormatter STAMP = DateTimeFormatter.ofPattern("yyyyMMddHHmm");

    private HarnessNames() {
    }

    /** The cloud namespace of an engine namespace, stamped with the run's start. */
    public static Namespace cloudNamespace(Namespace engine, Instant runStart) {
        String stamp = STAMP.format(LocalDateTime.ofInstant(runStart, ZoneOffset.UTC));
        return new Namespace(MARK + stamp + "_" + engine.runId(), engine.scenarioId());
    }

    /** When the run that created {@code name} started, or empty for a name the harness did not make. */
    public static Optional<Instant> createdAt(String name) {
        Matcher matcher = NAME.matcher(name);
        if (!matcher.matches()) {
            return Optional.empty();
        }
        return Optional.of(LocalDateTime.parse(matcher.group(1), STAMP).toInstant(ZoneOffset.UTC));
    }

    public static boolean isHarnessName(String name) {
        return createdAt(name).isPresent();
    }

    /** Refuses, loudly, to let a delete touch anything the harness did not name. */
    public static String requireHarnessName(String name) {
        if (!isHarnessName(name)) {
            throw new IllegalArgumentException("refusing to touch '" + name + "': it does not carry the harness prefix "
                    + MARK + "<yyyyMMddHHmm>_ (the cloud topology never deletes what it did not create)");
        }
        return name;
    }

    /** A Flink statement name: {@code [a-z0-9-.]}, at most 100 characters. */
    public static String statementName(String text) {
        String name = text.toLowerCase(java.util.Locale.ROOT).replaceAll("[^a-z0-9.-]+", "-").replaceAll("-+", "-")
                .replaceAll("-$", "");
        return name.length() > 100 ? name.substring(0, 100).replaceAll("-$", "") : name;
    }
}
