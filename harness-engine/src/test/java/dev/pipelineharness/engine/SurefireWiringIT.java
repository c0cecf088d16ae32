package dev.pipelineharness.engine;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Builds a small user project (src/it/surefire-fixture: a {@code @Suite} class for Surefire and one for
 * Failsafe, a passing and a failing scenario) with a real Maven, and checks what Maven reports: scenario
 * checks are counted by both plugins, and a failing check turns the build red in both phases.
 */
class SurefireWiringIT {

    private static Path project;

    @BeforeAll
    static void copyFixture() throws IOException {
        Path source = Path.of(System.getProperty("harness.fixture.dir"));
        project = Path.of(System.getProperty("harness.work.dir"), "surefire-fixture");
        deleteRecursively(project);
        try (Stream<Path> files = Files.walk(source)) {
            for (Path file : files.toList()) {
                Path target = project.resolve(source.relativize(file).toString());
                if (Files.isDirectory(file)) {
                    Files.createDirectories(target);
                } else {
                    Files.copy(file, target, StandardCopyOption.REPLACE_EXISTING);
                }
            }
        }
    }

    @Test
    void passingScenarioChecksAreCountedBySurefireAndFailsafe() throws Exception {
        Build build = maven("verify", "-Dgroups=passing");

        assertThat(build.exitCode).as(build.output).isZero();
        assertThat(build.output).contains("Tests run: 2, Failures: 0, Errors: 0, Skipped: 0, Time elapsed")
                .contains("in fixture.ScenariosTest").contains("in fixture.ScenariosIT");
        assertThat(Files.readString(project.resolve("target/failsafe-reports/failsafe-summary.xml")))
                .contains("<completed>2</completed>").contains("<failures>0</failures>");
        assertThat(Files.readString(project.resolve("target/surefire-reports/TEST-fixture.ScenariosTest.xml")))
                .contains("tests=\"2\"").contains("failures=\"0\"");
    }

    @Test
    void failingAndMalformedScenariosTurnTheSurefirePhaseRed() throws Exception {
        Build build = maven("test");

        assertThat(build.exitCode).as(build.output).isNotZero();
        // 2 passing checks, 1 failing check, 1 malformed file (an error on its container)
        assertThat(build.output).contains("Tests run: 4, Failures: 1, Errors: 1, Skipped: 0")
                .contains("expected 3 records, got 2")
                .contains("scenarios/broken.scenario.yaml:2:1: expct: unknown key 'expct' (did you mean 'expect'?)")
                .contains("BUILD FAILURE");
    }

    @Test
    void failingScenarioTurnsTheFailsafeVerifyRed() throws Exception {
        Build build = maven("verify", "-Dgroups=failing", "-DskipUnitTests=true");

        assertThat(build.exitCode).as(build.output).isNotZero();
        assertThat(build.output).contains("in fixture.ScenariosIT").contains("Tests run: 1, Failures: 1, Errors: 0, Skipped: 0")
                .contains("maven-failsafe-plugin").contains("BUILD FAILURE");
    }

    private record Build(int exitCode, String output) {
    }

    private static Build maven(String... goalsAndOptions) throws Exception {
        List<String> command = new ArrayList<>();
        String executable = System.getProperty("os.name").toLowerCase().contains("win") ? "mvn.cmd" : "mvn";
        command.add(Path.of(System.getProperty("maven.home"), "bin", executable).toString());
        command.add("-B");
        if (System.getProperty("maven.offline", "").endsWith("=true")) { // the outer build ran with -o
            command.add("-o");
        }
        command.add("-Dmaven.repo.local=" + System.getProperty("maven.repo.local"));
        for (String key : List.of("harness.engine.jar", "harness.api.jar", "jackson.version", "snakeyaml.version", "json-schema-validator.version",
                "awaitility.version", "apiguardian.version", "junit.platform.version", "surefire.version")) {
            command.add("-D" + key + "=" + System.getProperty(key));
        }
        command.addAll(List.of(goalsAndOptions));
        Path log = project.resolve("build-" + String.join("_", goalsAndOptions).replaceAll("[^A-Za-z0-9_=.-]", "") + ".log");
        Process process = new ProcessBuilder(command).directory(project.toFile()).redirectErrorStream(true)
                .redirectOutput(log.toFile()).start();
        if (!process.waitFor(120, TimeUnit.SECONDS)) {
            process.destroyForcibly();
            throw new AssertionError("the fixture build did not finish within 120s: " + command + ", log " + log);
        }
        return new Build(process.exitValue(), Files.readString(log, StandardCharsets.UTF_8));
    }

    private static void deleteRecursively(Path path) throws IOException {
        if (!Files.exists(path)) {
            return;
        }
        try (Stream<Path> files = Files.walk(path)) {
            for (Path file : files.sorted(java.util.Comparator.reverseOrder()).toList()) {
                Files.delete(file);
            }
        }
    }
}
