package dev.pipelineharness.local.connect;

import java.util.List;

/**
 * What {@code GET /connectors/{name}/status} says: the connector's state and each task's.
 *
 * @param state RUNNING, PAUSED, FAILED, UNASSIGNED, RESTARTING or STOPPED
 * @param trace the connector's stack trace when FAILED, else null
 */
public record ConnectorStatus(String name, String state, String trace, List<Task> tasks) {

    public ConnectorStatus {
        tasks = List.copyOf(tasks);
    }

    /** @param trace the task's stack trace when FAILED, else null */
    public record Task(int id, String state, String workerId, String trace) {
    }

    /** The connector and at least one task RUNNING, no task in another state. */
    public boolean isRunning() {
        return isAll("RUNNING");
    }

    /** The connector and at least one task in {@code expected}, no task in another state. */
    public boolean isAll(String expected) {
        return expected.equals(state) && !tasks.isEmpty() && tasks.stream().allMatch(task -> expected.equals(task.state()));
    }

    /** The connector or any task FAILED. */
    public boolean hasFailed() {
        return "FAILED".equals(state) || tasks.stream().anyMatch(task -> "FAILED".equals(task.state()));
    }

    /** One line per failure with its trace, for error messages. */
    public String failures() {
        StringBuilder text = new StringBuilder();
        if ("FAILED".equals(state)) {
            text.append("connector ").append(name).append(" FAILED: ").append(trace).append(System.lineSeparator());
        }
        for (Task task : tasks) {
            if ("FAILED".equals(task.state())) {
                text.append("task ").append(name).append('-').append(task.id()).append(" FAILED: ")
                        .append(task.trace()).append(System.lineSeparator());
            }
        }
        return text.toString();
    }

    @Override
    public String toString() {
        return name + " " + state + " tasks " + tasks.stream().map(t -> t.id() + "=" + t.state()).toList();
    }
}
