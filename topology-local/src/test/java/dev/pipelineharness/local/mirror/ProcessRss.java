package dev.pipelineharness.local.mirror;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** Resident memory of a process, from {@code /proc/<pid>/status}, for the figures the tests report. */
final class ProcessRss {

    private ProcessRss() {
    }

    static long megabytes(long pid) throws IOException {
        for (String line : Files.readAllLines(Path.of("/proc", Long.toString(pid), "status"))) {
            if (line.startsWith("VmRSS:")) {
                return Long.parseLong(line.replaceAll("[^0-9]", "")) / 1024;
            }
        }
        throw new IllegalStateException("No VmRSS in /proc/" + pid + "/status");
    }
}
