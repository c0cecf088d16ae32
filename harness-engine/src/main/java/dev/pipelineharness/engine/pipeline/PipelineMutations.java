package dev.pipelineharness.engine.pipeline;

import dev.pipelineharness.engine.yaml.DisplayPaths;
import dev.pipelineharness.api.Params;
import dev.pipelineharness.api.PipelineDefinition;
import dev.pipelineharness.api.PipelineFile;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.UnaryOperator;

/**
 * A pipeline written as a base pipeline plus small text changes ({@code extends:} and
 * {@code mutations:} in {@code pipeline.yaml}): how the harness's mutants are written, a broken copy
 * that carries only its one change, and how a user checks that their own scenarios catch a
 * deliberately broken pipeline.
 *
 * <pre>
 * name: mutant-service-to-car
 * extends: ../../pipelines/business-routing
 * mutations:
 *   - file: flink/routing.sql        # as the base's pipeline.yaml lists it
 *     replace: "INSERT INTO filtered_service_events"
 *     with: "INSERT INTO filtered_car_events"
 * </pre>
 *
 * Each {@code replace} text must occur exactly once in its file, so a mutation never silently
 * changes nothing (or more than meant) after the base pipeline is edited.
 */
final class PipelineMutations {

    private PipelineMutations() {
    }

    static PipelineDefinition apply(PipelineDefinition base, Path folder, String name, List<Params> mutations) {
        List<PipelineFile> ddl = new ArrayList<>(base.postgresDdl());
        List<PipelineFile> sql = new ArrayList<>(base.flinkSql());
        List<PipelineFile> connectors = new ArrayList<>(base.connectors());
        for (Params mutation : mutations) {
            mutation.allowOnly("file", "replace", "with");
            Path target = base.folder().resolve(mutation.string("file")).normalize();
            UnaryOperator<PipelineFile> change = file -> mutate(file, mutation);
            boolean found = replaceIn(ddl, target, change) | replaceIn(sql, target, change)
                    | replaceIn(connectors, target, change);
            if (!found) {
                throw mutation.error("file", "'" + mutation.string("file") + "' is not a file of the base pipeline "
                        + DisplayPaths.of(base.folder()) + "; its files: " + String.join(", ", names(base)));
            }
        }
        return new PipelineDefinition(name, folder, base.topics(), base.dynamoTables(), ddl, sql, connectors);
    }

    private static boolean replaceIn(List<PipelineFile> files, Path target, UnaryOperator<PipelineFile> change) {
        boolean found = false;
        for (int i = 0; i < files.size(); i++) {
            if (files.get(i).path().equals(target)) {
                files.set(i, change.apply(files.get(i)));
                found = true;
            }
        }
        return found;
    }

    private static PipelineFile mutate(PipelineFile file, Params mutation) {
        String replace = mutation.string("replace");
        String with = mutation.string("with");
        int first = file.text().indexOf(replace);
        if (first < 0 || file.text().indexOf(replace, first + 1) >= 0) {
            throw mutation.error("replace", "must occur exactly once in " + file.displayName() + ", but occurs "
                    + (first < 0 ? "nowhere" : "more than once"));
        }
        String text = file.text().substring(0, first) + with + file.text().substring(first + replace.length());
        // Errors in the mutated text (a SQL error, say) still point at the base file and line.
        return new PipelineFile(file.path(), file.displayName() + " (mutated by " + mutation.location().file() + ")",
                text);
    }

    private static List<String> names(PipelineDefinition base) {
        List<String> names = new ArrayList<>();
        for (List<PipelineFile> files : List.of(base.postgresDdl(), base.flinkSql(), base.connectors())) {
            files.forEach(file -> names.add(base.folder().relativize(file.path()).toString()));
        }
        return names;
    }
}
