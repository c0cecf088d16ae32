package dev.pipelineharness.local.flink;

import java.util.List;

/**
 * JVM options of the Flink session's child JVM, tuned for short-lived test components on two shared cores:
 * the serial collector (no GC threads competing for the cores) and the C1 compiler only (start-up and
 * warm-up matter more than peak throughput for a few thousand records).
 */
final class FlinkJvmOptions {

    /**
     * The session JVM of a run: every scenario's job at once (up to the slots), so the heap is
     * sized for several routing jobs (one measured about 35 MB live and 60 MB of young garbage
     * between collections); the planner's metaspace (~105 MB) is paid once. A small initial heap
     * keeps the RSS down, since the JVM would otherwise commit 1/64 of the machine's memory up front.
     */
    static final List<String> SESSION = List.of("-Xms128m", "-Xmx768m", "-XX:+UseSerialGC", "-XX:TieredStopAtLevel=1",
            "-Dlog4j2.configurationFile=log4j2-flink-runner.xml");

    private FlinkJvmOptions() {
    }
}
