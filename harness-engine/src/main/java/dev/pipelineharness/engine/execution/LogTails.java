package dev.pipelineharness.engine.execution;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/** The last lines of component logs, attached to a failing scenario so the cause is visible without digging. */
final class LogTails {

    static final int LINES = 30;

    private LogTails() {
    }

    static String of(List<Path> files) {
        StringBuilder text = new StringBuilder();
        for (Path file : files) {
            text.append(System.lineSeparator()).append("--- last ").append(LINES).append(" lines of ").append(file)
                    .append(" ---").append(System.lineSeparator());
            try {
                List<String> lines = Files.readAllLines(file, StandardCharsets.UTF_8);
                lines.subList(Math.max(0, lines.size() - LINES), lines.size())
                        .forEach(line -> text.append(line).append(System.lineSeparator()));
            } catch (IOException | RuntimeException e) {
                text.append("(unreadable: ").append(e).append(')').append(System.lineSeparator());
            }
        }
        return text.toString();
    }
}
