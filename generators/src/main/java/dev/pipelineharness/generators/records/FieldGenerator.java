package dev.pipelineharness.generators.records;

import java.util.Random;

/** Makes the value of one field for the record with ordinal {@code index} (0 for the first record). */
interface FieldGenerator {

    Object next(Random random, long index);
}
