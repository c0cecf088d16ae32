package dev.pipelineharness.local.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;

/** Resident memory of this JVM and every process it started, read from /proc (Linux). */
final class ProcessMemory {

    private ProcessMemory() {
    }

    /** The summed VmRSS of this process and all its descendants, in KiB. */
    static long treeRssKib() {
        long total = rssKib(ProcessHandle.current().pid());
        try (Stream<ProcessHandle> descendants = ProcessHandle.current().descendants()) {
            total += descendants.mapToLong(process -> rssKib(process.pid())).sum();
        }
        return total;
    }

    static long rssKib(long pid) {
        try (Stream<String> lines = Files.lines(Path.of("/proc", Long.toString(pid), "status"))) {
            return lines.filter(line -> line.startsWith("VmRSS:"))
                    .mapToLong(line -> Long.parseLong(line.replaceAll("[^0-9]", "")))
                    .findFirst().orElse(0);
        } catch (IOException | RuntimeException e) {
            return 0; // the process ended between listing and reading
        }
    }
}
