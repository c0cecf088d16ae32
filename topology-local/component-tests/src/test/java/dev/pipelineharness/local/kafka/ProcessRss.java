package dev.pipelineharness.local.kafka;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** Resident memory of a process, from {@code /proc/<pid>/status}, for the figures the tests report. */
public final class ProcessRss {

    private ProcessRss() {
    }

    public static long megabytes(long pid) throws IOException {
        for (String line : Files.readAllLines(Path.of("/proc", Long.toString(pid), "status"))) {
            if (line.startsWith("VmRSS:")) {
                return Long.parseLong(line.replaceAll("[^0-9]", "")) / 1024;
            }
        }
        throw new IllegalStateException("No VmRSS in /proc/" + pid + "/status");
    }
}
