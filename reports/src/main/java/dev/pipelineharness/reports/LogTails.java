package dev.pipelineharness.reports;

import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** Reads the end of component logs, which can be hundreds of megabytes, without reading them whole. */
final class LogTails {

    static final int LINES = 40;
    private static final int TAIL_BYTES = 64 * 1024;

    private LogTails() {
    }

    static List<RunRecord.LogTail> of(List<Path> files) {
        List<RunRecord.LogTail> tails = new ArrayList<>();
        for (Path file : files) {
            String name = file.getFileName() == null ? file.toString() : file.getFileName().toString();
            tails.add(new RunRecord.LogTail(name, file.toString(), lastLines(file)));
        }
        return tails;
    }

    private static List<String> lastLines(Path file) {
        try (RandomAccessFile in = new RandomAccessFile(file.toFile(), "r")) {
            long start = Math.max(0, in.length() - TAIL_BYTES);
            byte[] bytes = new byte[(int) (in.length() - start)];
            in.seek(start);
            in.readFully(bytes);
            List<String> lines = new ArrayList<>(new String(bytes, StandardCharsets.UTF_8).lines().toList());
            if (start > 0 && !lines.isEmpty()) {
                lines.remove(0); // cut in the middle
            }
            return List.copyOf(lines.subList(Math.max(0, lines.size() - LINES), lines.size()));
        } catch (IOException | RuntimeException e) {
            return List.of("(unreadable: " + e + ")");
        }
    }
}
