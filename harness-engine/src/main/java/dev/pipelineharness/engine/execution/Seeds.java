package dev.pipelineharness.engine.execution;

/**
 * Derives a generator's seed from its scenario's seed and its position in {@code generate:}:
 * {@code splitMix64(scenarioSeed + (index + 1) * 0x9E3779B97F4A7C15L)}. SplitMix64 spreads nearby
 * inputs (seed 42, generators 0 and 1) over unrelated outputs, so two generators of one scenario never
 * produce correlated data, and the same file gives the same seeds on every machine and JVM.
 */
final class Seeds {

    private static final long GOLDEN_GAMMA = 0x9E3779B97F4A7C15L;

    private Seeds() {
    }

    static long forGenerator(long scenarioSeed, int index) {
        return splitMix64(scenarioSeed + (index + 1L) * GOLDEN_GAMMA);
    }

    static long splitMix64(long value) {
        long z = value;
        z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
        z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
        return z ^ (z >>> 31);
    }
}
