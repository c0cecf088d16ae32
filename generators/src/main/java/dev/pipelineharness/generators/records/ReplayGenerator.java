package dev.pipelineharness.generators.records;

import dev.pipelineharness.api.GenerationContext;
import dev.pipelineharness.api.Generator;
import dev.pipelineharness.generators.Pacer;
import dev.pipelineharness.generators.Pacing;
import dev.pipelineharness.generators.RowChange;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/** Writes the rows of a file in order, paced, and publishes how many of each change kind it wrote. */
final class ReplayGenerator implements Generator {

    private final String file;
    private final RecordTarget target;
    private final List<RowsFile.FileRow> rows;
    private final Pacing pacing;
    private final int commitEvery;
    private final Optional<LedgerSpec> ledger;

    ReplayGenerator(String file, RecordTarget target, List<RowsFile.FileRow> rows, double rate, int commitEvery,
                    Optional<LedgerSpec> ledger) {
        this.file = file;
        this.target = target;
        this.rows = List.copyOf(rows);
        this.pacing = new Pacing(rows.size(), Optional.empty(), rate, Optional.empty());
        this.commitEvery = commitEvery;
        this.ledger = ledger;
    }

    @Override
    public String describe() {
        return "replay: " + file + " (" + pacing + ") into " + target;
    }

    @Override
    public void generate(GenerationContext context) throws Exception {
        GeneratedRows generated = context.store().computeIfAbsent(GeneratedRows.class, GeneratedRows::new);
        Map<RowChange.Op, Long> byOp = new EnumMap<>(RowChange.Op.class);
        LedgeredWrites ledgered = LedgeredWrites.of(ledger, target, context.store());
        try (TargetWriter writer = TargetWriter.open(target, context.deployment(), generated, ledgered, commitEvery,
                context.deployment().namespace().prefix() + "replay-" + target.name())) {
            Pacer pacer = new Pacer(pacing);
            for (RowsFile.FileRow row : rows) {
                pacer.acquire();
                Map<String, Object> values = row.row();
                if (row.op() == RowChange.Op.DELETE) {
                    values = new java.util.LinkedHashMap<>();
                    for (String column : target.keyColumns()) {
                        values.put(column, row.row().get(column));
                    }
                }
                writer.write(new RowChange(target.name(), row.op(), target.keyColumns(), values));
                byOp.merge(row.op(), 1L, Long::sum);
            }
            writer.finish();
            context.publish("written", Integer.toString(rows.size()));
            context.publish("acknowledged", Long.toString(writer.acknowledged()));
        }
        for (RowChange.Op op : RowChange.Op.values()) {
            context.publish("coverage." + op.name().toLowerCase(Locale.ROOT) + "s", Long.toString(byOp.getOrDefault(op, 0L)));
        }
    }
}
