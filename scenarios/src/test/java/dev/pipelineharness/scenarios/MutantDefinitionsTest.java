package dev.pipelineharness.scenarios;

import static org.assertj.core.api.Assertions.assertThat;

import dev.pipelineharness.api.PipelineDefinition;
import dev.pipelineharness.api.PipelineFile;
import dev.pipelineharness.engine.pipeline.PipelineLoader;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

/**
 * Fast guard for the mutants, without starting anything: each one still applies to its reference
 * pipeline (its replaced text exists exactly once) and changes exactly one file, and every mutant
 * folder is listed in {@link Mutant#all()} with its expected verdict.
 */
class MutantDefinitionsTest {

    private final PipelineLoader loader = new PipelineLoader();

    @TestFactory
    List<DynamicTest> everyMutantChangesExactlyOneFileOfItsBase() {
        return Mutant.all().stream().filter(Mutant::mutatesPipeline).map(mutant -> DynamicTest.dynamicTest(mutant.name(), () -> {
            PipelineDefinition mutated = loader.load(Mutant.MUTANTS.resolve(mutant.name()));
            String base = Files.readString(Mutant.MUTANTS.resolve(mutant.name()).resolve("pipeline.yaml"))
                    .lines().filter(line -> line.startsWith("extends: ")).findFirst().orElseThrow()
                    .substring("extends: ".length());
            PipelineDefinition reference = loader.load(Mutant.MUTANTS.resolve(mutant.name()).resolve(base).normalize());

            assertThat(changedFiles(reference, mutated)).as("files %s changes", mutant.name()).hasSize(1);
            assertThat(mutated.topics()).isEqualTo(reference.topics());
        })).toList();
    }

    /** A weakened setup keeps the reference pipeline: its mutation must be a fault in its scenario. */
    @TestFactory
    List<DynamicTest> everySetupMutantWeakensItsScenarioWithAFault() {
        return Mutant.all().stream().filter(mutant -> !mutant.mutatesPipeline()).map(mutant -> DynamicTest.dynamicTest(
                mutant.name(), () -> assertThat(Files.readString(mutant.scenario())).contains("faults:")
                        .contains("pipeline: ../../pipelines/"))).toList();
    }

    @Test
    void everyMutantFolderHasAnExpectedVerdict() throws Exception {
        try (Stream<java.nio.file.Path> folders = Files.list(Mutant.MUTANTS)) {
            assertThat(folders.filter(Files::isDirectory).map(folder -> folder.getFileName().toString()))
                    .containsExactlyInAnyOrderElementsOf(Mutant.all().stream().map(Mutant::name).toList());
        }
    }

    private static List<String> changedFiles(PipelineDefinition reference, PipelineDefinition mutated) {
        List<PipelineFile> before = all(reference);
        List<PipelineFile> after = all(mutated);
        assertThat(after).hasSameSizeAs(before);
        List<String> changed = new ArrayList<>();
        for (int i = 0; i < before.size(); i++) {
            if (!before.get(i).text().equals(after.get(i).text())) {
                changed.add(before.get(i).displayName());
            }
        }
        return changed;
    }

    private static List<PipelineFile> all(PipelineDefinition pipeline) {
        List<PipelineFile> files = new ArrayList<>(pipeline.postgresDdl());
        files.addAll(pipeline.flinkSql());
        files.addAll(pipeline.connectors());
        return files;
    }
}
