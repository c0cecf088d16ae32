package dev.pipelineharness.generators;

import dev.pipelineharness.api.Params;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;

/** A validated choice among named options with weights that sum to 1, such as a type mix. */
public final class Fractions<T> {

    private final List<T> options;
    private final double[] cumulative;

    private Fractions(List<T> options, double[] cumulative) {
        this.options = options;
        this.cumulative = cumulative;
    }

    /**
     * Reads {@code key} as a mapping of option names to fractions (missing names count 0).
     *
     * @param names the option names users write, in the order of {@code options}
     */
    public static <T> Fractions<T> from(Params params, String key, List<String> names, List<T> options,
                                        Map<String, Double> defaults) {
        Map<String, Double> given = params.has(key) ? params.decimals(key) : defaults;
        if (params.has(key)) {
            params.params(key).allowOnly(names);
        }
        Map<String, Double> weights = new LinkedHashMap<>();
        double sum = 0;
        for (String name : names) {
            double weight = given.getOrDefault(name, 0.0);
            if (weight < 0) {
                throw params.params(key).error(name, "must not be negative, was " + weight);
            }
            weights.put(name, weight);
            sum += weight;
        }
        if (Math.abs(sum - 1.0) > 1e-6) {
            throw params.error(key, "fractions must add up to 1, they add up to " + sum + " " + weights);
        }
        double[] cumulative = new double[names.size()];
        double running = 0;
        for (int i = 0; i < names.size(); i++) {
            running += weights.get(names.get(i));
            cumulative[i] = running;
        }
        cumulative[names.size() - 1] = 1.0;
        return new Fractions<>(List.copyOf(options), cumulative);
    }

    public T pick(SplittableRandom random) {
        double u = random.nextDouble();
        for (int i = 0; i < cumulative.length; i++) {
            if (u < cumulative[i]) {
                return options.get(i);
            }
        }
        return options.get(options.size() - 1);
    }
}
