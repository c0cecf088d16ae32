package dev.pipelineharness.local.process;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ArchiveCachePruningTest {

    @TempDir
    Path cache;

    private Path file(String name, Duration age) throws Exception {
        Path file = Files.writeString(cache.resolve(name), "x");
        Files.setLastModifiedTime(file, FileTime.from(Instant.now().minus(age)));
        return file;
    }

    @Test
    void keepsTheMostRecentlyUsedArchivesOfEachKindAndDropsAbandonedParts() throws Exception {
        for (int i = 0; i < 5; i++) {
            file("dev.Flink-" + "%016x".formatted(i) + ".jsa", Duration.ofHours(i));
        }
        Path broker = file("kafka.Kafka-00000000000000aa.jsa", Duration.ofDays(30));
        Path oldPart = file("kafka.Kafka-00000000000000bb.jsa.1234.part", Duration.ofDays(2));
        Path freshPart = file("kafka.Kafka-00000000000000cc.jsa.5678.part", Duration.ofMinutes(1));
        Path jar = file("dir-0011223344556677-8899aabbccddeeff.jar", Duration.ofDays(30));

        ArchiveCachePruning.prune(cache);

        assertThat(cache.resolve("dev.Flink-0000000000000000.jsa")).exists();
        assertThat(cache.resolve("dev.Flink-0000000000000001.jsa")).exists();
        assertThat(cache.resolve("dev.Flink-0000000000000002.jsa")).exists();
        assertThat(cache.resolve("dev.Flink-0000000000000003.jsa")).doesNotExist();
        assertThat(cache.resolve("dev.Flink-0000000000000004.jsa")).doesNotExist();
        assertThat(broker).as("the only archive of its kind, however old").exists();
        assertThat(oldPart).doesNotExist();
        assertThat(freshPart).as("a JVM may still be writing it").exists();
        assertThat(jar).as("an archive's classpath: never pruned by age").exists();
    }

    @Test
    void mappingAnArchiveMakesItTheMostRecentlyUsed() throws Exception {
        Path old = file("dev.Flink-0000000000000009.jsa", Duration.ofDays(3));
        for (int i = 0; i < 3; i++) {
            file("dev.Flink-" + "%016x".formatted(i) + ".jsa", Duration.ofHours(i + 1));
        }

        ArchiveCachePruning.touch(old);
        ArchiveCachePruning.prune(cache);

        assertThat(old).exists();
        assertThat(cache.resolve("dev.Flink-0000000000000002.jsa")).doesNotExist();
    }
}
