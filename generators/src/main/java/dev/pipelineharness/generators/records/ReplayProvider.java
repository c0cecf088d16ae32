package dev.pipelineharness.generators.records;

import dev.pipelineharness.api.DefinitionContext;
import dev.pipelineharness.api.Generator;
import dev.pipelineharness.api.Location;
import dev.pipelineharness.api.Params;
import dev.pipelineharness.api.ScenarioDefinitionException;
import dev.pipelineharness.generators.RowChange;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/**
 * {@code replay}: the rows recorded in a file, in file order, at a chosen rate, to a table or a
 * JSON topic of the pipeline.
 *
 * <pre>
 * - replay: {file: golden/orders.jsonl, table: orders, key: [order_id], rate: 200/s, commit-every: 10}
 * - replay: {file: samples/clicks.csv, topic: clicks, key: [user_id]}
 * - replay: {file: captured/orders.debezium.jsonl, format: debezium, table: orders, key: [order_id]}
 * - replay: {file: golden/orders.jsonl, table: orders, key: [order_id], ledger: {destination: cdc_orders}}
 * </pre>
 * The file is read when the scenario loads: a missing file or a bad line is an error naming it.
 */
public final class ReplayProvider implements dev.pipelineharness.api.GeneratorProvider {

    @Override
    public String name() {
        return "replay";
    }

    @Override
    public Generator create(Params params) {
        return create(params, DefinitionContext.detached());
    }

    @Override
    public Generator create(Params params, DefinitionContext definition) {
        params.allowOnly("file", "format", "table", "topic", RecordTarget.DYNAMODB_TABLE, "key", "rate", "commit-every",
                LedgerSpec.KEY);
        Path file = definition.resolve(params.string("file"));
        if (!Files.isRegularFile(file)) {
            throw params.error("file", "file '" + params.string("file") + "' not found (looked for " + file + ")");
        }
        String format = params.choice("format", RowsFile.FORMATS, RowsFile.formatOf(file));
        RecordTarget target = RecordTarget.from(params, definition, params.strings("key", List.of()));
        // an item is identified by its DynamoDB table's key attributes, whatever 'key' says
        List<String> key = target.isDynamoTable() ? target.keyColumns() : params.strings("key", List.of());
        List<RowsFile.FileRow> rows;
        try {
            rows = RowsFile.read(file, format);
        } catch (RowsFile.BadFileException e) {
            throw new ScenarioDefinitionException(new Location(params.string("file"), e.line(), 0), params.field("file"),
                    e.getMessage());
        } catch (IOException e) {
            throw params.error("file", "cannot read '" + params.string("file") + "': " + e.getMessage());
        }
        for (RowsFile.FileRow row : rows) {
            if (row.op() != RowChange.Op.INSERT && (key.isEmpty() || !target.isTable())) {
                throw params.error("key", "line " + row.line() + " is an update or delete: replaying changes needs a "
                        + "table target and its 'key' columns");
            }
            for (String column : key) {
                if (!row.row().containsKey(column)) {
                    throw new ScenarioDefinitionException(new Location(params.string("file"), row.line(), 0),
                            params.field("key"), "the row has no key column '" + column + "'");
                }
            }
        }
        Optional<LedgerSpec> ledger = LedgerSpec.from(params, definition, null, key.stream().findFirst());
        ledger.ifPresent(spec -> requireIdentifying(params, spec, key, rows));
        double rate = params.ratePerSecond("rate", 0);
        int commitEvery = (int) params.positiveLong("commit-every", 50);
        return new ReplayGenerator(params.string("file"), target, rows, rate, commitEvery, ledger);
    }

    /** Every row carries the ledger's id; a delete (which writes only the key) needs the id to be a key column. */
    private static void requireIdentifying(Params params, LedgerSpec spec, List<String> key, List<RowsFile.FileRow> rows) {
        for (RowsFile.FileRow row : rows) {
            boolean carriesId = row.op() == RowChange.Op.DELETE ? key.contains(spec.idField())
                    : row.row().get(spec.idField()) != null;
            if (!carriesId) {
                throw new ScenarioDefinitionException(new Location(params.string("file"), row.line(), 0),
                        params.params(LedgerSpec.KEY).field("id"), row.op() == RowChange.Op.DELETE
                        ? "the row is a delete, which writes only the key " + key + ": the ledger id '"
                                + spec.idField() + "' must be one of the key columns"
                        : "the row has no value for the ledger id '" + spec.idField() + "'");
            }
        }
    }
}
