package dev.pipelineharness.local.kafka;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.StringReader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ChildLog4j2Test {

    @Test
    void writesQuietLoggersAndDropFiltersAndReturnsTheJvmOption(@TempDir Path directory) throws IOException {
        String option = ChildLog4j2.write(directory, Map.of("kafka.log", "WARN"), List.of("Could not alter .*\\."));

        Path file = directory.resolve("log4j2.properties");
        assertThat(option).isEqualTo("-Dlog4j2.configurationFile=" + file.toAbsolutePath());
        Properties config = new Properties();
        config.load(new StringReader(Files.readString(file)));
        assertThat(config).containsEntry("logger.l0.name", "kafka.log").containsEntry("logger.l0.level", "WARN")
                .containsEntry("filter.drop0.type", "RegexFilter")
                .containsEntry("filter.drop0.regex", "Could not alter .*\\.")
                .containsEntry("filter.drop0.onMatch", "DENY")
                .containsEntry("rootLogger.level", "INFO");
    }
}
