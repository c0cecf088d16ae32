package dev.pipelineharness.generators.records;

import static org.assertj.core.api.Assertions.assertThat;

import dev.pipelineharness.api.DefinitionContext;
import dev.pipelineharness.api.PipelineDefinition;
import dev.pipelineharness.api.PipelineFile;
import dev.pipelineharness.api.ScenarioStore;
import dev.pipelineharness.api.TopicSpec;
import dev.pipelineharness.ledger.Ledger;
import dev.pipelineharness.testkit.Providers;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The ledger settings of records and replay: validated at load time, and what the writers tell the ledger. */
class LedgeredRecordsTest {

    private static final DefinitionContext SHOP = DefinitionContext.of(new PipelineDefinition("shop", Path.of("."),
            List.of(new TopicSpec("clicks", 1, "json", Map.of()), new TopicSpec("cdc_orders", 1, "json", Map.of())),
            List.of(), List.of(new PipelineFile(Path.of("t.sql"), "t.sql", "CREATE TABLE orders (order_id TEXT PRIMARY KEY);")),
            List.of(), List.of()), Path.of("."));

    private static String error(String provider, String snippet, DefinitionContext definition) {
        return Providers.definitionError(() -> Providers.generator(provider, snippet, definition)).getMessage();
    }

    private static String error(String snippet) {
        return error("records", snippet, SHOP);
    }

    @Test
    void ledgerSettingsAreCheckedAgainstThePipelineAndTheFields() {
        Providers.generator("records", "{table: orders, key: order_id, deletes: 0.1, ledger: {destination: cdc_orders},"
                + " fields: {order_id: {id: o-, cardinality: 9}}}", SHOP);
        assertThat(error("{table: orders, key: order_id, ledger: {destination: cdc_order},"
                + " fields: {order_id: {id: o-, cardinality: 9}}}"))
                .contains("test.scenario.yaml:1:", "generate[0].records.ledger.destination",
                        "topic 'cdc_order' is not declared by pipeline 'shop'", "did you mean 'cdc_orders'");
        assertThat(error("{topic: clicks, ledger: {destination: cdc_orders, id: clik_id},"
                + " fields: {click_id: {id: k-, cardinality: 9}}}"))
                .contains("generate[0].records.ledger.id", "'clik_id' is not one of the fields click_id", "did you mean 'click_id'");
        assertThat(error("{topic: clicks, ledger: {destination: cdc_orders}, fields: {click_id: {id: k-, cardinality: 9}}}"))
                .contains("generate[0].records.ledger", "needs 'id'");
        assertThat(error("{topic: clicks, ledger: {id: click_id}, fields: {click_id: {id: k-, cardinality: 9}}}"))
                .contains("needs 'destination'");
        assertThat(error("{topic: clicks, ledger: {destination: cdc_orders, id: click_id, by: x},"
                + " fields: {click_id: {id: k-, cardinality: 9}}}")).contains("ledger.by");
        assertThat(error("{topic: clicks, ledger: cdc_orders, fields: {click_id: {id: k-, cardinality: 9}}}"))
                .contains("expected a mapping such as {destination: cdc_orders, id: order_id}");
        assertThat(error("{topic: clicks, ledger: {destination: cdc_orders, id: click_id},"
                + " fields: {click_id: {id: k-, cardinality: 9, null-rate: 0.1}}}"))
                .contains("generate[0].records.ledger.id", "cannot have a null-rate");
        assertThat(error("{table: orders, key: order_id, updates: 0.1, ledger: {destination: cdc_orders, id: n},"
                + " fields: {order_id: {id: o-, cardinality: 9}, n: {id: n-, cardinality: 9}}}"))
                .contains("with updates or deletes the ledger id must be the key 'order_id'");
    }

    @Test
    void aReplayedFileMustCarryTheIdOnEveryLine(@TempDir Path folder) throws Exception {
        DefinitionContext here = new DefinitionContext(SHOP.pipeline(), folder);
        Files.writeString(folder.resolve("orders.jsonl"), "{\"order_id\": \"o-1\", \"n\": 1}\n{\"n\": 2}\n");
        Providers.generator("replay", "{file: orders.jsonl, topic: clicks, ledger: {destination: cdc_orders, id: n}}", here);
        assertThat(error("replay", "{file: orders.jsonl, topic: clicks, ledger: {destination: cdc_orders, id: order_id}}",
                here)).contains("orders.jsonl:2", "ledger.id", "the row has no value for the ledger id 'order_id'");
        Files.writeString(folder.resolve("changes.jsonl"), "{\"op\": \"c\", \"after\": {\"order_id\": \"o-1\", \"n\": 1}}\n"
                + "{\"op\": \"d\", \"before\": {\"order_id\": \"o-1\", \"n\": 1}, \"after\": null}\n");
        assertThat(error("replay", "{file: changes.jsonl, format: debezium, table: orders, key: [order_id],"
                + " ledger: {destination: cdc_orders, id: n}}", here))
                .contains("changes.jsonl:2", "a delete, which writes only the key [order_id]", "must be one of the key columns");
        Providers.generator("replay", "{file: changes.jsonl, format: debezium, table: orders, key: [order_id],"
                + " ledger: {destination: cdc_orders}}", here);
    }

    @Test
    void everyWriteOfAnIdIsACopyOfItsRecordAndOnlyAcknowledgedWritesCount() {
        ScenarioStore store = new ScenarioStore();
        RecordTarget orders = new RecordTarget(GeneratedRows.Kind.TABLE, "orders", List.of("order_id"), Optional.empty());
        LedgeredWrites writes = LedgeredWrites.of(Optional.of(new LedgerSpec("cdc_orders", "order_id")), orders, store);
        long inserted = writes.written(Map.of("order_id", "o-1", "amount", 3));
        writes.acknowledged(inserted);
        long updated = writes.written(Map.of("order_id", "o-1", "amount", 4));
        long other = writes.written(Map.of("order_id", "o-2"));

        Ledger ledger = store.get(Ledger.class).orElseThrow();
        assertThat(updated).isEqualTo(inserted);
        assertThat(other).isNotEqualTo(inserted);
        assertThat(ledger.size()).isEqualTo(2);
        assertThat(ledger.writtenCopies(inserted)).isEqualTo(2);
        assertThat(ledger.ackedCopies(inserted)).isEqualTo(1);
        assertThat(ledger.ackedCopies(other)).isZero();
        int destination = ledger.destinationOf(inserted);
        assertThat(ledger.destinationName(destination)).isEqualTo("cdc_orders");
        assertThat(ledger.idField(destination)).contains("order_id");
        assertThat(ledger.sources(destination)).containsExactly(new Ledger.Source("orders", false));
        assertThat(ledger.ordinalOf(destination, "o-2")).isEqualTo(other);

        assertThat(LedgeredWrites.of(Optional.empty(), orders, new ScenarioStore()).written(Map.of("order_id", "o-1")))
                .as("without ledger settings nothing is ledgered").isEqualTo(LedgeredWrites.UNLEDGERED);
    }
}
