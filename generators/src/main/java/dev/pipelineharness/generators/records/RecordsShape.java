package dev.pipelineharness.generators.records;

import dev.pipelineharness.generators.Pacing;
import java.util.Map;
import java.util.Optional;

/** The validated settings of one {@code records} entry. */
record RecordsShape(RecordTarget target, Map<String, FieldSpec> fields, Pacing pacing, double updates, double deletes,
                    int commitEvery, Optional<LedgerSpec> ledger) {

    FieldSpec keyField() {
        return target.keyColumns().isEmpty() ? null : fields.get(target.keyColumns().get(0));
    }
}
