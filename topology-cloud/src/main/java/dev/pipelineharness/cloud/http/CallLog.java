package dev.pipelineharness.cloud.http;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Every call of a run, in order, secrets masked. Plan mode writes it to the plan file; a live run
 * keeps it for the sweep's report and tests.
 */
public final class CallLog {

    private final List<RecordedCall> calls = new ArrayList<>();

    synchronized void add(RecordedCall call) {
        calls.add(call);
    }

    /** A note in the plan, such as a wait the plan does not perform. */
    public synchronized void note(String method, String uri, String what) {
        calls.add(new RecordedCall(java.time.Instant.now(), method, uri, "-", "(" + what + ")", false));
    }

    public synchronized List<RecordedCall> calls() {
        return List.copyOf(calls);
    }

    public synchronized void write(Path file) throws IOException {
        List<String> lines = new ArrayList<>();
        lines.add("# pipeline-harness cloud plan: every API call the run would make, secrets masked.");
        lines.add("# SENT: read-only calls made to look things up; PLANNED: calls that would change something, not made.");
        calls.forEach(call -> lines.add(call.line()));
        Files.createDirectories(file.toAbsolutePath().getParent());
        Files.write(file, lines);
    }
}
