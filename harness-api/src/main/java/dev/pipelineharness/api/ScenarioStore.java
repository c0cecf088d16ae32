package dev.pipelineharness.api;

import static org.apiguardian.api.API.Status.STABLE;

import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;
import org.apiguardian.api.API;

/**
 * What a scenario's generators leave for its checks: the generated data (from which the oracle
 * computes expectations) and the ledger of writes. One store per scenario, keyed by type.
 */
@API(status = STABLE, since = "0.1")
public final class ScenarioStore {

    private final Map<Class<?>, Object> values = new ConcurrentHashMap<>();

    public <T> T computeIfAbsent(Class<T> type, Supplier<? extends T> factory) {
        return type.cast(values.computeIfAbsent(type, ignored -> factory.get()));
    }

    public <T> Optional<T> get(Class<T> type) {
        return Optional.ofNullable(values.get(type)).map(type::cast);
    }

    public <T> void put(Class<T> type, T value) {
        values.put(type, value);
    }
}
