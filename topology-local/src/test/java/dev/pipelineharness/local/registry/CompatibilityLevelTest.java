package dev.pipelineharness.local.registry;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.apache.avro.Schema;
import org.junit.jupiter.api.Test;

class CompatibilityLevelTest {

    private static Schema record(String fields) {
        return new Schema.Parser().parse("{\"type\":\"record\",\"name\":\"R\",\"fields\":[" + fields + "]}");
    }

    private static final Schema A = record("{\"name\":\"a\",\"type\":\"string\"}");
    private static final Schema A_B_DEFAULT = record("{\"name\":\"a\",\"type\":\"string\"},{\"name\":\"b\",\"type\":\"int\",\"default\":0}");
    private static final Schema A_B_REQUIRED = record("{\"name\":\"a\",\"type\":\"string\"},{\"name\":\"b\",\"type\":\"int\"}");
    private static final Schema B_ONLY = record("{\"name\":\"b\",\"type\":\"int\",\"default\":0}");

    @Test
    void backwardAllowsAddedFieldWithDefaultOnly() {
        assertThat(CompatibilityLevel.BACKWARD.violations(A_B_DEFAULT, List.of(A))).isEmpty();
        assertThat(CompatibilityLevel.BACKWARD.violations(A_B_REQUIRED, List.of(A)))
                .singleElement().asString().contains("READER_FIELD_MISSING_DEFAULT").contains("new schema reading old data");
    }

    @Test
    void forwardAllowsAddedRequiredFieldButNotRemovedRequiredField() {
        assertThat(CompatibilityLevel.FORWARD.violations(A_B_REQUIRED, List.of(A))).isEmpty();
        assertThat(CompatibilityLevel.FORWARD.violations(B_ONLY, List.of(A))).isNotEmpty();
    }

    @Test
    void fullNeedsBothDirectionsAndNoneNeedsNothing() {
        assertThat(CompatibilityLevel.FULL.violations(A_B_DEFAULT, List.of(A))).isEmpty();
        assertThat(CompatibilityLevel.FULL.violations(A_B_REQUIRED, List.of(A))).isNotEmpty();
        assertThat(CompatibilityLevel.NONE.violations(B_ONLY, List.of(A))).isEmpty();
    }

    @Test
    void transitiveChecksEveryEarlierVersionPlainChecksTheLatest() {
        // only the oldest version conflicts with the latest: b was a string, now it is an int
        Schema oldest = record("{\"name\":\"b\",\"type\":\"string\"}");
        Schema middle = record("{\"name\":\"c\",\"type\":\"int\",\"default\":0}");
        Schema latest = record("{\"name\":\"b\",\"type\":\"int\",\"default\":0},{\"name\":\"c\",\"type\":\"int\",\"default\":0}");

        assertThat(CompatibilityLevel.BACKWARD.violations(latest, List.of(oldest, middle))).isEmpty();
        assertThat(CompatibilityLevel.BACKWARD_TRANSITIVE.violations(latest, List.of(oldest, middle))).isNotEmpty();
    }

    @Test
    void unknownLevelIsAConfluent42203() {
        assertThatThrownBy(() -> CompatibilityLevel.parse("sideways"))
                .isInstanceOfSatisfying(RegistryError.class, e -> assertThat(e.errorCode()).isEqualTo(42203));
        assertThat(CompatibilityLevel.parse("full_transitive")).isEqualTo(CompatibilityLevel.FULL_TRANSITIVE);
    }
}
