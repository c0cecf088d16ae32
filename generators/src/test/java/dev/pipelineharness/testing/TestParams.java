package dev.pipelineharness.testing;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.pipelineharness.api.Location;
import dev.pipelineharness.api.Params;

/** Params as a scenario entry would hand them to a provider, from inline JSON. */
public final class TestParams {

    private TestParams() {
    }

    public static Params of(String field, String json) {
        try {
            return Params.of(new ObjectMapper().readTree(json), "", field,
                    pointer -> new Location("test.scenario.yaml" + pointer, 3, 5));
        } catch (Exception e) {
            throw new IllegalArgumentException(e);
        }
    }
}
