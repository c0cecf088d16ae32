package dev.pipelineharness.checks.expect;

import dev.pipelineharness.api.Check;
import dev.pipelineharness.api.CheckContext;
import dev.pipelineharness.api.CheckProvider;
import dev.pipelineharness.api.DefinitionContext;
import dev.pipelineharness.api.Location;
import dev.pipelineharness.api.Params;
import dev.pipelineharness.api.ScenarioDefinitionException;
import dev.pipelineharness.api.Verdict;
import dev.pipelineharness.checks.CheckSettings;
import dev.pipelineharness.generators.RowChange;
import dev.pipelineharness.generators.records.RowsFile;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * {@code expected-rows}: an output table or topic equals, by key, rows given inline
 * ({@code rows: [{customer_id: c-00001, revenue: 12.50}]}) or in a file ({@code file: golden/revenue.jsonl},
 * JSON lines or CSV, relative to the scenario). Only the given columns are compared; the diff lists
 * missing, extra and wrong rows (with the columns that differ). The file is read at load time.
 */
public final class ExpectedRowsCheckProvider implements CheckProvider {

    @Override
    public String name() {
        return "expected-rows";
    }

    @Override
    public List<Check> create(Params params) {
        return create(params, DefinitionContext.detached());
    }

    @Override
    public List<Check> create(Params params, DefinitionContext definition) {
        params.allowOnly("table", "topic", "key", "rows", "file", "within", "canary");
        OutputSource output = OutputSource.from(params, definition);
        List<String> key = RowsSettings.key(params);
        if (params.has("rows") == params.has("file")) {
            throw params.error(params.has("rows") ? "file" : "",
                    "give exactly one of 'rows' (inline) or 'file' (JSON lines or CSV, relative to the scenario)");
        }
        List<Map<String, Object>> rows = params.has("rows") ? inline(params) : file(params, definition);
        return List.of(new ExpectedRowsCheck(output, key, rows, CheckSettings.within(params), params.bool("canary", false)));
    }

    /** Inline values arrive as text; the comparison matches numbers by value, so 12.5 meets 12.50. */
    private static List<Map<String, Object>> inline(Params params) {
        List<Map<String, Object>> rows = new ArrayList<>();
        for (Params entry : params.list("rows")) {
            Map<String, Object> row = new LinkedHashMap<>();
            for (String column : entry.keys()) {
                row.put(column, entry.has(column) ? entry.string(column) : null);
            }
            rows.add(row);
        }
        return rows;
    }

    private static List<Map<String, Object>> file(Params params, DefinitionContext definition) {
        String written = params.string("file");
        Path file = definition.resolve(written);
        if (!Files.isRegularFile(file)) {
            throw params.error("file", "file '" + written + "' not found (looked for " + file + ")");
        }
        try {
            List<Map<String, Object>> rows = new ArrayList<>();
            for (RowsFile.FileRow row : RowsFile.read(file, RowsFile.formatOf(file))) {
                if (row.op() != RowChange.Op.INSERT) {
                    throw params.error("file", "expected rows are rows, not changes");
                }
                rows.add(row.row());
            }
            return rows;
        } catch (RowsFile.BadFileException e) {
            throw new ScenarioDefinitionException(new Location(written, e.line(), 0), params.field("file"), e.getMessage());
        } catch (IOException e) {
            throw params.error("file", "cannot read '" + written + "': " + e.getMessage());
        }
    }

    static final class ExpectedRowsCheck implements Check {

        private final OutputSource output;
        private final List<String> key;
        private final List<Map<String, Object>> expected;
        private final Duration within;
        private final boolean canary;

        ExpectedRowsCheck(OutputSource output, List<String> key, List<Map<String, Object>> expected, Duration within,
                          boolean canary) {
            this.canary = canary;
            this.output = output;
            this.key = List.copyOf(key);
            this.expected = List.copyOf(expected);
            this.within = within;
        }

        @Override
        public String describe() {
            return "expected-rows: " + output.name();
        }

        @Override
        public Duration within() {
            return within;
        }

        @Override
        public Verdict evaluate(CheckContext context) throws Exception {
            return RowCanaries.judge(output.describe(), key, expected, output.read(context), canary);
        }

        @Override
        public void close() {
            output.close();
        }
    }
}
