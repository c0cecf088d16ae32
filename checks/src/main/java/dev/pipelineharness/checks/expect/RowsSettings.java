package dev.pipelineharness.checks.expect;

import dev.pipelineharness.api.Params;
import java.util.List;

/** The {@code key} setting of a comparison by key: the columns that identify a row. */
final class RowsSettings {

    private RowsSettings() {
    }

    static List<String> key(Params params) {
        if (!params.has("key")) {
            throw params.error("key", "is required: the columns that identify a row, such as [customer_id, hour_start]");
        }
        List<String> key = params.strings("key");
        if (key.isEmpty()) {
            throw params.error("key", "must name at least one column");
        }
        return key;
    }
}
