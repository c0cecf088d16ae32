package dev.pipelineharness.formats;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.cfg.JsonNodeFeature;

/**
 * The JSON reader for records under comparison: decimals stay exact {@link java.math.BigDecimal}s as
 * written ({@code 12.50} neither becomes a binary double nor {@code 1.25E+1}), so values compare by
 * value and diffs show what was on the wire.
 */
public final class ExactJson {

    public static final ObjectMapper MAPPER = new ObjectMapper()
            .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
            .configure(JsonNodeFeature.STRIP_TRAILING_BIGDECIMAL_ZEROES, false);

    private ExactJson() {
    }
}
