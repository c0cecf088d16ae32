package dev.pipelineharness.local.process;

import dev.pipelineharness.topology.support.WatchedProcess;
import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * A child process the harness started and owns: it can be stopped, killed, paused and resumed, and
 * it is stopped by the JVM's shutdown hook if nobody stopped it before ({@link ChildProcesses}).
 */
public final class ManagedProcess implements AutoCloseable, WatchedProcess {

    private static final Duration DEFAULT_GRACE = Duration.ofSeconds(10);
    /** Dumping a 40 MB class-data archive at exit takes a few seconds on a busy machine. */
    private static final Duration ARCHIVING_GRACE = Duration.ofSeconds(30);

    private final String name;
    private final Process process;
    private final Path logFile;
    /** SIGTERM to SIGKILL on close; longer for a JVM that writes its CDS archive as it exits. */
    private Duration closeGrace = DEFAULT_GRACE;

    ManagedProcess(String name, Process process, Path logFile) {
        this.name = name;
        this.process = process;
        this.logFile = logFile;
    }

    /** Starts a child JVM, watched by {@link ParentWatchingMain} so it cannot outlive the harness. */
    public static ManagedProcess startJava(JavaProcessSpec spec) throws IOException {
        Path workDirectory = spec.workDirectory();
        Files.createDirectories(workDirectory);
        Path tmp = Files.createDirectories(workDirectory.resolve("tmp"));
        Path logFile = spec.logFile();
        Files.createDirectories(logFile.getParent());

        List<Path> classpath = new ArrayList<>();
        classpath.add(RuntimeClasspath.locationOf(ParentWatchingMain.class));
        classpath.addAll(spec.classpath());
        ChildJvmArchive.Prepared shared = ChildJvmArchive.prepare(classpath, spec.mainClass());
        // An argument file keeps a classpath of hundreds of jars off the command line (and out of ps).
        Path argFile = workDirectory.resolve(spec.name() + ".args");
        List<String> argLines = new ArrayList<>();
        argLines.add("-cp");
        argLines.add(quote(String.join(java.io.File.pathSeparator,
                shared.classpath().stream().map(Path::toString).toList())));
        Files.write(argFile, argLines, StandardCharsets.UTF_8);

        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.add("@" + argFile);
        command.add("-Djava.io.tmpdir=" + tmp);
        command.addAll(shared.jvmOptions());
        command.addAll(spec.jvmArgs());
        command.add(ParentWatchingMain.class.getName());
        command.add(Long.toString(ProcessHandle.current().pid()));
        command.add(spec.mainClass());
        command.addAll(spec.args());
        ManagedProcess started = start(spec.name(), command, workDirectory, logFile, spec.environment());
        started.process.onExit().thenAccept(exited -> shared.settle(exited.exitValue()));
        if (shared.writing() != null) {
            started.closeGrace = ARCHIVING_GRACE;
        }
        return started;
    }

    /** Starts any program (PostgreSQL's binaries, say) with output appended to {@code logFile}. */
    public static ManagedProcess start(String name, List<String> command, Path workDirectory, Path logFile,
                                       java.util.Map<String, String> environment) throws IOException {
        ProcessBuilder builder = new ProcessBuilder(command)
                .directory(workDirectory.toFile())
                .redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(logFile.toFile()));
        builder.environment().putAll(environment);
        ManagedProcess managed = new ManagedProcess(name, builder.start(), logFile);
        ChildProcesses.register(managed);
        return managed;
    }

    private static String quote(String value) {
        return "\"" + value.replace("\\", "\\\\").replace("\"", "\\\"") + "\"";
    }

    public String name() {
        return name;
    }

    public long pid() {
        return process.pid();
    }

    public boolean isAlive() {
        return process.isAlive();
    }

    public Path logFile() {
        return logFile;
    }

    /** SIGKILL: the process gets no chance to clean up, as in a crash. */
    public void kill() {
        process.destroyForcibly();
        awaitExit(DEFAULT_GRACE);
    }

    /** SIGSTOP: the process is frozen; its sockets stay open but nothing answers. */
    public void pause() {
        signal("STOP");
    }

    /** SIGCONT after {@link #pause()}. */
    public void resume() {
        signal("CONT");
    }

    /** SIGTERM, then SIGKILL if it has not exited within {@code grace}. */
    public void stop(Duration grace) {
        if (!process.isAlive()) {
            return;
        }
        resumeQuietly();
        process.destroy();
        if (!awaitExit(grace)) {
            process.destroyForcibly();
            awaitExit(DEFAULT_GRACE);
        }
    }

    /** Waits for the process to exit on its own; true if it did within {@code timeout}. */
    public boolean awaitExit(Duration timeout) {
        try {
            return process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return !process.isAlive();
        }
    }

    public int exitValue() {
        return process.exitValue();
    }

    /** The last {@code lines} lines of this process's log, for error messages and failure reports. */
    public String logTail(int lines) {
        return LogTail.of(logFile, lines);
    }

    @Override
    public void close() {
        stop(closeGrace);
        ChildProcesses.unregister(this);
    }

    private void resumeQuietly() {
        try {
            signal("CONT");
        } catch (IllegalStateException ignored) {
            // already gone
        }
    }

    private void signal(String signal) {
        try {
            Process kill = new ProcessBuilder("kill", "-" + signal, Long.toString(process.pid()))
                    .redirectErrorStream(true).start();
            if (!kill.waitFor(5, TimeUnit.SECONDS) || kill.exitValue() != 0) {
                throw new IllegalStateException("kill -" + signal + " " + process.pid() + " (" + name + ") failed: "
                        + new String(kill.getInputStream().readAllBytes(), StandardCharsets.UTF_8).trim());
            }
        } catch (IOException e) {
            throw new IllegalStateException("Cannot send SIG" + signal + " to " + name, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while sending SIG" + signal + " to " + name, e);
        }
    }

    @Override
    public String toString() {
        return name + " (pid " + process.pid() + ")";
    }

    /** Reads the end of a log file without loading all of it. */
    static final class LogTail {

        private LogTail() {
        }

        static String of(Path file, int lines) {
            if (!Files.exists(file)) {
                return "(no log at " + file + ")";
            }
            try (RandomAccessFile in = new RandomAccessFile(file.toFile(), "r")) {
                long length = in.length();
                long start = Math.max(0, length - 64L * 1024);
                in.seek(start);
                byte[] bytes = new byte[(int) (length - start)];
                in.readFully(bytes);
                String[] all = new String(bytes, StandardCharsets.UTF_8).split("\\R");
                int from = Math.max(0, all.length - lines);
                return String.join(System.lineSeparator(), java.util.Arrays.copyOfRange(all, from, all.length));
            } catch (IOException e) {
                return "(cannot read " + file + ": " + e.getMessage() + ")";
            }
        }
    }
}
