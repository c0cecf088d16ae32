package dev.pipelineharness.engine.execution;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/** The last lines of component logs, attached to a failing scenario so the cause is visible without digging. */
final class LogTails {

    static final int LINES = 30;

    /** Component logs can be hundreds of megabytes: read only their end. */
    private static final int TAIL_BYTES = 64 * 1024;

    private LogTails() {
    }

    private static String lastBytes(Path file) throws IOException {
        try (java.nio.channels.SeekableByteChannel channel = Files.newByteChannel(file)) {
            long size = channel.size();
            long start = Math.max(0, size - TAIL_BYTES);
            channel.position(start);
            java.nio.ByteBuffer buffer = java.nio.ByteBuffer.allocate((int) (size - start));
            while (buffer.hasRemaining() && channel.read(buffer) >= 0) {
                // keep reading until the tail is in the buffer
            }
            String text = new String(buffer.array(), 0, buffer.position(), StandardCharsets.UTF_8);
            // the first line is probably cut in the middle when the file was longer than the tail
            return start > 0 && text.indexOf('\n') >= 0 ? text.substring(text.indexOf('\n') + 1) : text;
        }
    }

    static String of(List<Path> files) {
        StringBuilder text = new StringBuilder();
        for (Path file : files) {
            text.append(System.lineSeparator()).append("--- last ").append(LINES).append(" lines of ").append(file)
                    .append(" ---").append(System.lineSeparator());
            try {
                List<String> lines = lastBytes(file).lines().toList();
                lines.subList(Math.max(0, lines.size() - LINES), lines.size())
                        .forEach(line -> text.append(line).append(System.lineSeparator()));
            } catch (IOException | RuntimeException e) {
                text.append("(unreadable: ").append(e).append(')').append(System.lineSeparator());
            }
        }
        return text.toString();
    }
}
