package dev.pipelineharness.faults;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class RegistryJsonTest {

    @Test
    void aSchemaIsEscapedIntoItsRegistrationBody() {
        assertThat(RegistryJson.registration("{\"type\": \"record\",\n\t\"doc\": \"a \\\\ b\"}"))
                .isEqualTo("{\"schema\":\"{\\\"type\\\": \\\"record\\\",\\n\\t\\\"doc\\\": \\\"a \\\\\\\\ b\\\"}\"}");
        assertThat(RegistryJson.registration("\u0001")).isEqualTo("{\"schema\":\"\\u0001\"}");
    }

    @Test
    void answersReadAsTheRegistryWroteThem() {
        assertThat(RegistryJson.versions("[1,2, 13]")).containsExactly(1, 2, 13);
        assertThat(RegistryJson.versions("[]")).isEmpty();
        assertThat(RegistryJson.answer("{\"error_code\":409,\"message\":\"Schema being registered is incompatible: \\\"event_time\\\"\"}"))
                .isEqualTo("Schema being registered is incompatible: \"event_time\"");
        assertThat(RegistryJson.answer("{\"id\":7}")).isEqualTo("id 7");
    }
}
