package dev.pipelineharness.local.postgres;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The machine's prepared PostgreSQL folder: made once, never seen half made, not poisoned by a failure. */
class PostgresBinariesTest {

    private static final Duration TIMEOUT = Duration.ofSeconds(20);

    @TempDir
    Path root;

    private final AtomicInteger preparations = new AtomicInteger();

    private void unpack(Path folder) throws IOException {
        preparations.incrementAndGet();
        Files.writeString(folder.resolve("PG_VERSION"), "17");
    }

    @Test
    void preparesOnceAndReusesTheFolder() {
        Path first = PostgresBinaries.ready(root, "pg-test", TIMEOUT, this::unpack);
        Path second = PostgresBinaries.ready(root, "pg-test", TIMEOUT, this::unpack);

        assertThat(second).isEqualTo(first).isEqualTo(root.resolve("pg-test"));
        assertThat(first.resolve("PG_VERSION")).hasContent("17");
        assertThat(preparations).hasValue(1);
    }

    @Test
    void threadsAskingAtOnceWaitForOnePreparation() throws Exception {
        CountDownLatch inside = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        CompletableFuture<Path> slow = CompletableFuture.supplyAsync(() -> PostgresBinaries.ready(root, "pg-test", TIMEOUT, folder -> {
            inside.countDown();
            awaitQuietly(release);
            unpack(folder);
        }));
        inside.await();
        CompletableFuture<Path> waiting = CompletableFuture.supplyAsync(() -> PostgresBinaries.ready(root, "pg-test", TIMEOUT, this::unpack));
        // while the first prepares, the folder is not there under its name, only under a temporary one
        assertThat(root.resolve("pg-test")).doesNotExist();
        release.countDown();

        assertThat(List.of(slow.get(), waiting.get())).containsOnly(root.resolve("pg-test"));
        assertThat(preparations).hasValue(1);
    }

    @Test
    void aFailedPreparationLeavesNothingAndTheNextOnePrepares() throws IOException {
        assertThatThrownBy(() -> PostgresBinaries.ready(root, "pg-test", TIMEOUT, folder -> {
            Files.writeString(folder.resolve("half"), "unpacked");
            throw new IOException("disk full");
        })).hasRootCauseMessage("disk full");
        try (var left = Files.list(root)) {
            assertThat(left.map(p -> p.getFileName().toString())).containsOnly(".prepare.lock");
        }

        assertThat(PostgresBinaries.ready(root, "pg-test", TIMEOUT, this::unpack).resolve("PG_VERSION")).exists();
    }

    @Test
    void aPreparationAbandonedByAKilledProcessIsRemoved() throws IOException {
        Path abandoned = Files.createDirectories(root.resolve("preparing-of-a-killed-process"));
        Files.writeString(abandoned.resolve("half"), "unpacked");

        PostgresBinaries.ready(root, "pg-test", TIMEOUT, this::unpack);

        assertThat(abandoned).doesNotExist();
    }

    @Test
    void theFolderIsNamedByTheBinariesArchive() {
        assertThat(PostgresBinaries.folderName()).matches("pg-[0-9a-f]{16}").isEqualTo(PostgresBinaries.folderName());
    }

    private static void awaitQuietly(CountDownLatch latch) {
        try {
            latch.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
