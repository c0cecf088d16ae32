package dev.pipelineharness.local.process;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * How to start one child JVM: its name (used for the log file and in messages), main class,
 * classpath, JVM options and arguments.
 */
public final class JavaProcessSpec {

    private final String name;
    private final String mainClass;
    private final List<Path> classpath = new ArrayList<>();
    private final List<String> jvmArgs = new ArrayList<>();
    private final List<String> args = new ArrayList<>();
    private final Map<String, String> environment = new LinkedHashMap<>();
    private Path workDirectory;
    private Path logFile;

    private JavaProcessSpec(String name, String mainClass) {
        this.name = Objects.requireNonNull(name);
        this.mainClass = Objects.requireNonNull(mainClass);
    }

    public static JavaProcessSpec of(String name, String mainClass) {
        return new JavaProcessSpec(name, mainClass);
    }

    public JavaProcessSpec classpath(List<Path> entries) {
        classpath.addAll(entries);
        return this;
    }

    /** A JVM option such as {@code -Xmx256m} or {@code -Dkey=value}. */
    public JavaProcessSpec jvmArg(String option) {
        jvmArgs.add(option);
        return this;
    }

    public JavaProcessSpec args(String... values) {
        args.addAll(List.of(values));
        return this;
    }

    public JavaProcessSpec environment(String key, String value) {
        environment.put(key, value);
        return this;
    }

    /** The child's working directory; also where its {@code java.io.tmpdir} points. */
    public JavaProcessSpec workDirectory(Path directory) {
        this.workDirectory = directory;
        return this;
    }

    /** Where stdout and stderr go; defaults to {@code <workDirectory>/<name>.log}. */
    public JavaProcessSpec logFile(Path file) {
        this.logFile = file;
        return this;
    }

    public String name() {
        return name;
    }

    public String mainClass() {
        return mainClass;
    }

    public List<Path> classpath() {
        return List.copyOf(classpath);
    }

    public List<String> jvmArgs() {
        return List.copyOf(jvmArgs);
    }

    public List<String> args() {
        return List.copyOf(args);
    }

    public Map<String, String> environment() {
        return Map.copyOf(environment);
    }

    public Path workDirectory() {
        return Objects.requireNonNull(workDirectory, "workDirectory of " + name);
    }

    public Path logFile() {
        return logFile != null ? logFile : workDirectory().resolve(name + ".log");
    }
}
