package dev.pipelineharness.local.mirror;

import dev.pipelineharness.local.kafka.ChildLog4j2;
import dev.pipelineharness.local.kafka.KafkaLink;
import dev.pipelineharness.local.kafka.KafkaRegion;
import dev.pipelineharness.topology.support.BoundedWait;
import dev.pipelineharness.local.process.JavaProcessSpec;
import dev.pipelineharness.local.process.ManagedProcess;
import dev.pipelineharness.local.process.RuntimeClasspath;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

/**
 * MirrorMaker 2 in dedicated mode ({@code org.apache.kafka.connect.mirror.MirrorMaker}) in a child JVM
 * from the {@code connect} runtime, replicating one way from a source region to a target region over
 * both regions' {@link KafkaLink#MIRROR} links, with checkpoints and consumer-group offset sync: the
 * local stand-in for Cluster Linking. It runs only the herder for the target region
 * ({@code --clusters <target>}), and its Connect worker keeps its state in topics of the target region.
 *
 * <p>Ready when a probe record written in the source region is read in the target region.
 */
public final class MirrorMaker implements AutoCloseable {

    private static final String MAIN = "org.apache.kafka.connect.mirror.MirrorMaker";
    private static final List<String> JVM_OPTIONS = List.of(
            "-Xms64m", "-Xmx256m", "-XX:+UseSerialGC", "-XX:TieredStopAtLevel=1", "-XX:MaxMetaspaceSize=128m",
            "-XX:ReservedCodeCacheSize=64m", "-XX:+ExitOnOutOfMemoryError", "-Djava.awt.headless=true");
    private static final Map<String, String> QUIET_LOGGERS = Map.of(
            "org.apache.kafka.clients", "WARN",
            "org.apache.kafka.common", "WARN",
            "org.apache.kafka.connect.runtime", "WARN",
            "org.apache.kafka.connect.util", "WARN",
            "org.apache.kafka.connect.storage", "WARN",
            "org.reflections", "ERROR");

    private final KafkaRegion source;
    private final KafkaRegion target;
    private final MirrorTopicNaming naming;
    private final JavaProcessSpec spec;
    private volatile ManagedProcess process;
    private volatile boolean closed;

    private MirrorMaker(KafkaRegion source, KafkaRegion target, MirrorTopicNaming naming, JavaProcessSpec spec) {
        this.source = source;
        this.target = target;
        this.naming = naming;
        this.spec = spec;
    }

    /**
     * Starts replication with {@link MirrorTopicNaming#IDENTITY} (replicas keep their names).
     *
     * @see #start(KafkaRegion, KafkaRegion, String, MirrorTopicNaming, Path, Path, Duration)
     */
    public static MirrorMaker start(KafkaRegion source, KafkaRegion target, String topicsRegex, Path workDir,
                                    Path logFile, Duration timeout) throws Exception {
        return start(source, target, topicsRegex, MirrorTopicNaming.IDENTITY, workDir, logFile, timeout);
    }

    /**
     * Starts MirrorMaker and returns once a probe record has gone from {@code source} to {@code target}.
     *
     * @param topicsRegex the source topics to replicate (a Java regex over the whole name; new matching
     *                    topics are picked up within about a second). The probe topic
     *                    {@code harness-mm2-probe} is always replicated too.
     * @param timeout     for the start and the probe's first replication together
     */
    public static MirrorMaker start(KafkaRegion source, KafkaRegion target, String topicsRegex,
                                    MirrorTopicNaming naming, Path workDir, Path logFile, Duration timeout)
            throws Exception {
        Objects.requireNonNull(naming, "naming");
        try {
            Pattern.compile(topicsRegex);
        } catch (PatternSyntaxException e) {
            throw new IllegalArgumentException("The MirrorMaker topics regex is invalid: " + e.getMessage(), e);
        }
        Files.createDirectories(workDir);
        // the probe topic's name has no regex metacharacters, so it can join the alternatives as is
        String topics = "(" + topicsRegex + ")|" + ReplicationProbe.TOPIC;
        Map<String, String> properties = MirrorMakerProperties.of(
                source.region(), source.bootstrapServers(KafkaLink.MIRROR),
                target.region(), target.bootstrapServers(KafkaLink.MIRROR), topics, naming);
        Path configFile = workDir.resolve("mm2.properties");
        Files.writeString(configFile, MirrorMakerProperties.render(properties), StandardCharsets.UTF_8);
        // Kafka 4.2's MirrorSourceConnector logs this after every successful topic-config sync too
        // (it does not check for success), each second for every topic: not a failure, only noise.
        String log4j = ChildLog4j2.write(workDir, QUIET_LOGGERS, List.of("Could not alter configuration of topic .*"));

        JavaProcessSpec spec = JavaProcessSpec.of("mirrormaker-" + source.region() + "-" + target.region(), MAIN)
                .classpath(RuntimeClasspath.of("connect"))
                .args(configFile.toString(), "--clusters", target.region())
                .workDirectory(workDir)
                .logFile(logFile);
        JVM_OPTIONS.forEach(spec::jvmArg);
        spec.jvmArg(log4j);
        MirrorMaker mirror = new MirrorMaker(source, target, naming, spec);
        try {
            mirror.launchAndProbe(timeout);
        } catch (Exception e) {
            mirror.close();
            throw e;
        }
        return mirror;
    }

    private void launchAndProbe(Duration timeout) throws Exception {
        process = ManagedProcess.startJava(spec);
        awaitReady(timeout);
    }

    /** Waits until a new probe record written to the source region arrives, replicated, in the target. */
    public void awaitReady(Duration timeout) throws Exception {
        String replicatedProbe = replicatedTopicName(ReplicationProbe.TOPIC);
        try (ReplicationProbe probe = new ReplicationProbe(target, replicatedProbe)) {
            probe.send(source);
            BoundedWait.until("MirrorMaker to replicate a probe record from " + source.region() + " topic "
                    + ReplicationProbe.TOPIC + " to " + target.region() + " topic " + replicatedProbe,
                    timeout, process, probe::arrived);
        }
    }

    /**
     * Starts MirrorMaker again with the same configuration (stopping it first if it still runs) and
     * returns once a new probe record has been replicated. It resumes from the source offsets it had
     * committed, so records written while it was down are replicated then.
     */
    public synchronized void restart(Duration timeout) throws Exception {
        if (closed) {
            throw new IllegalStateException(this + " is closed");
        }
        ManagedProcess previous = process;
        if (previous != null) {
            previous.close();
        }
        launchAndProbe(timeout);
    }

    /** The name {@code topic} of the source region has in the target region. */
    public String replicatedTopicName(String topic) {
        return naming.replicatedName(source.region(), topic);
    }

    public MirrorTopicNaming naming() {
        return naming;
    }

    public KafkaRegion source() {
        return source;
    }

    public KafkaRegion target() {
        return target;
    }

    public ManagedProcess process() {
        return process;
    }

    public long pid() {
        return process.pid();
    }

    public boolean isAlive() {
        ManagedProcess current = process;
        return current != null && current.isAlive();
    }

    /** SIGKILL, as in a crash; {@link #restart} resumes from the committed offsets. */
    public void kill() {
        process.kill();
    }

    /** Stops MirrorMaker (SIGTERM, then SIGKILL after 5 s). */
    @Override
    public synchronized void close() {
        if (closed) {
            return;
        }
        closed = true;
        ManagedProcess current = process;
        if (current != null) {
            current.stop(Duration.ofSeconds(5));
            current.close();
        }
    }

    @Override
    public String toString() {
        return "MirrorMaker " + source.region() + " -> " + target.region() + " (" + process + ")";
    }
}
