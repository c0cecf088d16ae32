package dev.pipelineharness.containers;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.function.Consumer;
import org.testcontainers.containers.output.OutputFrame;

/**
 * Appends a container's output to {@code target/harness/logs/<component>.log}, as the embedded topology
 * writes its processes' logs, so a failing scenario can attach their tails.
 */
final class FileLogConsumer implements Consumer<OutputFrame>, AutoCloseable {

    private final Path file;
    private final Writer writer;

    FileLogConsumer(Path file) {
        this.file = file;
        try {
            Files.createDirectories(file.getParent());
            this.writer = Files.newBufferedWriter(file, StandardCharsets.UTF_8, StandardOpenOption.CREATE,
                    StandardOpenOption.APPEND);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot write container log " + file, e);
        }
    }

    Path file() {
        return file;
    }

    @Override
    public synchronized void accept(OutputFrame frame) {
        if (frame.getType() == OutputFrame.OutputType.END) {
            return;
        }
        try {
            writer.write(frame.getUtf8String());
            writer.flush();
        } catch (IOException ignored) {
            // a log line lost is no reason to fail a component
        }
    }

    @Override
    public synchronized void close() throws IOException {
        writer.close();
    }
}
