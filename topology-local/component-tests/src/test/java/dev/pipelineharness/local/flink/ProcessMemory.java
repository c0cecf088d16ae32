package dev.pipelineharness.local.flink;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** The resident set size of a process, from {@code /proc}, for the figures the tests print. */
final class ProcessMemory {

    private ProcessMemory() {
    }

    static long rssMegabytes(long pid) {
        try {
            for (String line : Files.readAllLines(Path.of("/proc", Long.toString(pid), "status"))) {
                if (line.startsWith("VmRSS:")) {
                    return Long.parseLong(line.replaceAll("\\D", "")) / 1024;
                }
            }
        } catch (IOException e) {
            return -1;
        }
        return -1;
    }
}
