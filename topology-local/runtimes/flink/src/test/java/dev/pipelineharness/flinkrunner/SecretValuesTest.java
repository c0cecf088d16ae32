package dev.pipelineharness.flinkrunner;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import org.junit.jupiter.api.Test;

/** Secrets reach the SQL in memory only and never come back out of this JVM unmasked. */
class SecretValuesTest {

    private static final String PASSWORD = "pg-canary-0c41";

    @Test
    void fillsTheReferencesItKnowsFromASubmissionRequestAndLeavesOthersAsWritten() {
        Properties request = new Properties();
        request.setProperty("jobDir", "/tmp/x");
        request.setProperty("secret.postgres.password", PASSWORD);
        List<SqlStatement> statements = SqlScript.split("01-sink.sql",
                "CREATE TABLE t (a INT) WITH ('password' = '${secret.postgres.password}', 'x' = '${secret.other}')");

        List<SqlStatement> filled = SecretValues.fromRequest(request).fill(statements);

        assertThat(filled).singleElement().satisfies(statement -> {
            assertThat(statement.text()).contains("'password' = '" + PASSWORD + "'").contains("'${secret.other}'");
            assertThat(statement.file()).isEqualTo("01-sink.sql");
            assertThat(statement.line()).isEqualTo(1);
        });
    }

    @Test
    void everyValueSeenIsMaskedInTextInStatusValuesAndOnTheStandardStreamsEvenSplitAcrossWrites() {
        Properties request = new Properties();
        request.setProperty("secret.postgres.password", PASSWORD);
        SecretValues.fromRequest(request);
        ByteArrayOutputStream sink = new ByteArrayOutputStream();
        PrintStream stream = new PrintStream(new SecretValues.MaskingLines(sink), true, StandardCharsets.UTF_8);

        stream.print("Table options are: 'password'='pg-can");
        stream.print("ary-0c41'");
        stream.println();

        assertThat(sink.toString(StandardCharsets.UTF_8)).isEqualTo("Table options are: 'password'='******'\n");
        assertThat(SecretValues.mask("failed: " + PASSWORD)).isEqualTo("failed: ******");
        assertThat(SecretValues.mask(Map.of("message", "x " + PASSWORD))).containsEntry("message", "x ******");
    }
}
