package dev.pipelineharness.api;

import static org.apiguardian.api.API.Status.EXPERIMENTAL;

import java.util.List;
import org.apiguardian.api.API;

/**
 * Makes the {@link Check}s of one {@code expect:} entry; found through {@link java.util.ServiceLoader}
 * by {@link #name()}. One entry may stand for several tests ({@code routed} makes one per topic).
 */
@API(status = EXPERIMENTAL, since = "0.1")
public interface CheckProvider {

    String name();

    List<Check> create(Params params);
}
