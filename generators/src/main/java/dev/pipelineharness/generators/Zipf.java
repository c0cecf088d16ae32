package dev.pipelineharness.generators;

import java.util.SplittableRandom;

/**
 * Picks key ranks 0..n-1 with Zipf-distributed frequency (rank 0 most frequent). The cumulative
 * table is computed once with {@link StrictMath}, so every machine draws the same ranks from the
 * same random stream; exponent 0 is uniform.
 */
public final class Zipf {

    private final double[] cumulative;

    public Zipf(int n, double exponent) {
        if (n <= 0) {
            throw new IllegalArgumentException("n must be > 0, was " + n);
        }
        if (exponent < 0) {
            throw new IllegalArgumentException("exponent must be >= 0, was " + exponent);
        }
        cumulative = new double[n];
        double sum = 0;
        for (int i = 0; i < n; i++) {
            sum += 1.0 / StrictMath.pow(i + 1, exponent);
            cumulative[i] = sum;
        }
        for (int i = 0; i < n; i++) {
            cumulative[i] /= sum;
        }
    }

    public int size() {
        return cumulative.length;
    }

    public int next(SplittableRandom random) {
        double u = random.nextDouble();
        int low = 0;
        int high = cumulative.length - 1;
        while (low < high) {
            int mid = (low + high) >>> 1;
            if (cumulative[mid] < u) {
                low = mid + 1;
            } else {
                high = mid;
            }
        }
        return low;
    }
}
