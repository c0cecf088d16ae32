package dev.pipelineharness.faults;

import dev.pipelineharness.api.Params;
import java.time.Duration;

/** The settings every fault shares, read the same way by each provider. */
final class FaultSettings {

    /** How long a component may take to be ready again after a heal, unless {@code ready-within} says otherwise. */
    static final Duration DEFAULT_READY_WITHIN = Duration.ofMinutes(2);
    /** How long a process may take to show it was killed or paused, unless {@code takes-effect-within} says otherwise. */
    static final Duration DEFAULT_TAKES_EFFECT_WITHIN = Duration.ofSeconds(15);

    /** The bounds of a component fault's waits. */
    record Timing(Duration readyWithin, Duration takesEffectWithin) {
    }

    private FaultSettings() {
    }

    /** {@code kill: kafka.east} or {@code kill: {component: kafka.east, ready-within: 90s}}. */
    static Targets component(Params params) {
        return target(params, "component", "ready-within", "takes-effect-within");
    }

    /** {@code link-cut: flink->kafka} or {@code link-cut: {link: flink->kafka}}, with the keys the fault also takes. */
    static Targets link(Params params, String... otherKeys) {
        String[] keys = new String[otherKeys.length + 1];
        keys[0] = "link";
        System.arraycopy(otherKeys, 0, keys, 1, otherKeys.length);
        return target(params, keys);
    }

    static Timing timing(Params params) {
        if (!params.isMapping()) {
            return new Timing(DEFAULT_READY_WITHIN, DEFAULT_TAKES_EFFECT_WITHIN);
        }
        return new Timing(params.duration("ready-within", DEFAULT_READY_WITHIN),
                params.duration("takes-effect-within", DEFAULT_TAKES_EFFECT_WITHIN));
    }

    private static Targets target(Params params, String... keys) {
        String key = keys[0];
        if (params.isScalar()) {
            return new Targets(params.scalarText(), params.location(), params.field());
        }
        params.allowOnly(keys);
        return new Targets(params.string(key), params.location(key), params.field(key));
    }
}
