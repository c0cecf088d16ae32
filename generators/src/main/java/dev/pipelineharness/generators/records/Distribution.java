package dev.pipelineharness.generators.records;

import dev.pipelineharness.api.Params;
import dev.pipelineharness.generators.Zipf;
import java.util.List;
import java.util.Random;
import java.util.SplittableRandom;

/**
 * How a number or an id is drawn from its range: {@code uniform}; {@code zipf} (the low end most
 * frequent, exponent 1.1, the shape of real key popularity); {@code normal} (around the middle, a
 * sixth of the range per standard deviation, clamped to the range).
 */
enum Distribution {
    UNIFORM, ZIPF, NORMAL;

    static final List<String> NAMES = List.of("uniform", "zipf", "normal");

    static Distribution from(Params params) {
        return valueOf(params.choice("distribution", NAMES, "uniform").toUpperCase(java.util.Locale.ROOT));
    }

    /** A position in [0, 1). */
    double position(Random random, Zipf zipf) {
        return switch (this) {
            case UNIFORM -> random.nextDouble();
            case ZIPF -> (zipf.next(new SplittableRandom(random.nextLong())) + random.nextDouble()) / zipf.size();
            case NORMAL -> Math.min(Math.max(0.5 + random.nextGaussian() / 6, 0), Math.nextDown(1.0));
        };
    }

    /** An index in [0, n). */
    int index(Random random, int n, Zipf zipf) {
        if (this == ZIPF) {
            return zipf.next(new SplittableRandom(random.nextLong()));
        }
        return Math.min(n - 1, (int) (position(random, zipf) * n));
    }

    /** The Zipf table the draws need (a trivial one when not Zipf). */
    Zipf table(int n) {
        return new Zipf(this == ZIPF ? Math.max(1, n) : 1, 1.1);
    }
}
