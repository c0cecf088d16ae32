package dev.pipelineharness.local.process;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Instant;
import java.util.List;
import java.util.jar.JarFile;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ChildJvmArchiveTest {

    @TempDir
    Path temp;
    private String savedTmp;

    @BeforeEach
    void ownCacheDirectory() {
        savedTmp = System.getProperty("java.io.tmpdir");
        System.setProperty("java.io.tmpdir", temp.resolve("tmp").toString());
    }

    @AfterEach
    void restore() {
        System.setProperty("java.io.tmpdir", savedTmp);
    }

    @Test
    void theFirstJvmOfAKindWritesTheArchiveAndTheOthersWaitForIt() throws Exception {
        Files.createDirectories(temp.resolve("tmp"));
        Path classes = Files.createDirectories(temp.resolve("classes/dev/example"));
        Files.writeString(classes.resolve("Main.class"), "not really a class");

        ChildJvmArchive.Prepared first = ChildJvmArchive.prepare(List.of(temp.resolve("classes")), "dev.example.Main");
        ChildJvmArchive.Prepared second = ChildJvmArchive.prepare(List.of(temp.resolve("classes")), "dev.example.Main");

        // CDS refuses folders on the classpath: the folder is a jar now, with the same entries
        assertThat(first.classpath()).singleElement().satisfies(jar -> {
            assertThat(jar.toString()).endsWith(".jar");
            try (JarFile file = new JarFile(jar.toFile())) {
                assertThat(file.getEntry("dev/example/Main.class")).isNotNull();
            }
        });
        assertThat(first.jvmOptions()).anyMatch(option -> option.startsWith("-XX:ArchiveClassesAtExit="));
        assertThat(second.jvmOptions()).noneMatch(option -> option.startsWith("-XX:"));

        String writing = first.jvmOptions().get(0).substring("-XX:ArchiveClassesAtExit=".length());
        Files.writeString(Path.of(writing), "an archive");
        first.settle(143); // SIGTERM: the JVM dumped before it exited
        assertThat(ChildJvmArchive.prepare(List.of(temp.resolve("classes")), "dev.example.Main").jvmOptions())
                .contains("-XX:SharedArchiveFile=" + first.archive());
    }

    @Test
    void anArchiveCutShortBySigkillIsDroppedAndTheNextJvmWritesOne() throws Exception {
        Files.createDirectories(temp.resolve("tmp"));
        Path jar = Files.writeString(temp.resolve("lib.jar"), "v1");
        ChildJvmArchive.Prepared killed = ChildJvmArchive.prepare(List.of(jar), "Main");
        Files.writeString(killed.writing(), "half an arch");
        killed.settle(ChildJvmArchive.SIGKILLED);
        assertThat(killed.writing()).doesNotExist();
        assertThat(killed.archive()).doesNotExist();
        assertThat(ChildJvmArchive.prepare(List.of(jar), "Main").jvmOptions().get(0)).startsWith("-XX:ArchiveClassesAtExit=");
    }

    @Test
    void aChangedClasspathEntryMeansANewArchiveNotOneTheJvmWouldReject() throws Exception {
        Files.createDirectories(temp.resolve("tmp"));
        Path jar = Files.writeString(temp.resolve("lib.jar"), "v1");
        String before = ChildJvmArchive.prepare(List.of(jar), "Main").jvmOptions().get(0);
        Files.writeString(jar, "version 2");
        Files.setLastModifiedTime(jar, FileTime.from(Instant.now().plusSeconds(5)));
        String after = ChildJvmArchive.prepare(List.of(jar), "Main").jvmOptions().get(0);
        assertThat(after).startsWith("-XX:ArchiveClassesAtExit=").isNotEqualTo(before);
    }

    @Test
    void offWhenAskedTo() {
        System.setProperty(ChildJvmArchive.ENABLED_PROPERTY, "false");
        try {
            assertThat(ChildJvmArchive.prepare(List.of(temp), "Main").jvmOptions()).isEmpty();
        } finally {
            System.clearProperty(ChildJvmArchive.ENABLED_PROPERTY);
        }
    }
}
