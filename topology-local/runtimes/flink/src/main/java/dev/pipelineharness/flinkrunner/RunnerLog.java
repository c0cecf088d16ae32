package dev.pipelineharness.flinkrunner;

import java.lang.management.ManagementFactory;

/** Lines in the session's log saying how far it got, with the JVM's uptime, to see where the time goes. */
final class RunnerLog {

    private RunnerLog() {
    }

    static void progress(String what) {
        System.out.println("pipeline-harness flink runner +" + ManagementFactory.getRuntimeMXBean().getUptime()
                + " ms: " + what);
    }
}
