package dev.pipelineharness.generators.records;

import static org.assertj.core.api.Assertions.assertThat;

import dev.pipelineharness.api.DefinitionContext;
import dev.pipelineharness.api.PipelineDefinition;
import dev.pipelineharness.api.PipelineFile;
import dev.pipelineharness.api.TopicSpec;
import dev.pipelineharness.generators.RowChange;
import dev.pipelineharness.testkit.Providers;
import dev.pipelineharness.testkit.TestParams;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RecordsProviderTest {

    static final DefinitionContext SHOP = DefinitionContext.of(new PipelineDefinition("shop", Path.of("."),
            List.of(new TopicSpec("clicks", 1, "json", Map.of())), List.of(),
            List.of(new PipelineFile(Path.of("t.sql"), "t.sql",
                    "-- CREATE TABLE commented_out (x INT);\nCREATE TABLE orders (order_id TEXT PRIMARY KEY);\n"
                            + "create table IF NOT EXISTS \"Customers\" (id text);")),
            List.of(), List.of()), Path.of("."));

    private static final String ORDERS = "{table: orders, key: order_id, count: 400, updates: 0.2, deletes: 0.1,"
            + " fields: {order_id: {id: o-, cardinality: 100}, customer_id: {id: c-, cardinality: 10, distribution: zipf},"
            + " amount: {type: decimal, min: 1, max: 9, null-rate: 0.25}, name: {faker: '#{Name.firstName}'},"
            + " status: {values: [PAID, CANCELLED]},"
            + " t: {event-time: {spread: 4h, out-of-order: 0.2, late: 0.05, lateness: 5s, edges: {every: 1h, within: 5s, share: 0.5}}}}}";

    private static List<RowChange> changes(String snippet, long seed, int count) {
        RecordsProvider provider = new RecordsProvider();
        RecordsGenerator generator = (RecordsGenerator) provider.create(TestParams.of("generate[0].records", snippet), SHOP);
        RecordSequence sequence = sequenceOf(generator, seed);
        List<RowChange> changes = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            changes.add(sequence.next());
        }
        return changes;
    }

    private static RecordSequence sequenceOf(RecordsGenerator generator, long seed) {
        try {
            var field = RecordsGenerator.class.getDeclaredField("shape");
            field.setAccessible(true);
            return new RecordSequence((RecordsShape) field.get(generator), seed);
        } catch (ReflectiveOperationException e) {
            throw new AssertionError(e);
        }
    }

    @Test
    void theSameSeedMakesTheSameChangesAndAnotherSeedOthers() {
        assertThat(changes(ORDERS, 7, 400)).isEqualTo(changes(ORDERS, 7, 400)).isNotEqualTo(changes(ORDERS, 8, 400));
    }

    @Test
    void datafakerValuesFollowTheScenarioSeed() {
        List<Object> seven = changes(ORDERS, 7, 50).stream().map(c -> c.row().get("name")).toList();
        List<Object> eight = changes(ORDERS, 8, 50).stream().map(c -> c.row().get("name")).toList();
        assertThat(seven).isNotEqualTo(eight);
    }

    @Test
    void keyedChangesInsertBeforeTheyUpdateOrDeleteAndNeverTouchADeletedRow() {
        java.util.Set<String> live = new java.util.HashSet<>();
        Map<RowChange.Op, Integer> byOp = new java.util.EnumMap<>(RowChange.Op.class);
        for (RowChange change : changes(ORDERS, 3, 400)) {
            String key = (String) change.row().get("order_id");
            switch (change.op()) {
                case INSERT -> assertThat(live.add(key)).as("insert of a new key %s", key).isTrue();
                case UPDATE -> assertThat(live).contains(key);
                case DELETE -> {
                    assertThat(live.remove(key)).isTrue();
                    assertThat(change.row()).containsOnlyKeys("order_id");
                }
            }
            byOp.merge(change.op(), 1, Integer::sum);
        }
        assertThat(byOp.get(RowChange.Op.UPDATE)).isGreaterThan(40);
        assertThat(byOp.get(RowChange.Op.DELETE)).isGreaterThan(20);
        assertThat(live).allMatch(key -> key.matches("o-000\\d\\d"));
    }

    @Test
    void valuesFollowTheirSpecification() {
        List<RowChange> rows = changes(ORDERS, 5, 400).stream().filter(c -> c.op() != RowChange.Op.DELETE).toList();
        assertThat(rows).extracting(c -> c.row().get("customer_id")).allMatch(id -> ((String) id).matches("c-0000\\d"));
        long nulls = rows.stream().filter(c -> c.row().get("amount") == null).count();
        assertThat(nulls).isBetween(rows.size() / 8L, rows.size() / 2L);
        assertThat(rows).extracting(c -> c.row().get("status")).containsOnly("PAID", "CANCELLED");
        assertThat(rows).extracting(c -> c.row().get("name")).allMatch(name -> name instanceof String s && !s.isBlank());
        // zipf: the first id is the most frequent
        Map<Object, Long> byCustomer = new java.util.HashMap<>();
        rows.forEach(c -> byCustomer.merge(c.row().get("customer_id"), 1L, Long::sum));
        assertThat(byCustomer.get("c-00000")).isEqualTo(byCustomer.values().stream().max(Long::compare).orElseThrow());
    }

    @Test
    void eventTimesCoverBothSidesOfBoundariesAndDisorder() {
        RecordsGenerator generator = (RecordsGenerator) new RecordsProvider().create(
                TestParams.of("generate[0].records", ORDERS), SHOP);
        RecordSequence sequence = sequenceOf(generator, 11);
        for (int i = 0; i < 400; i++) {
            sequence.next();
        }
        Map<String, Long> coverage = sequence.coverage();
        assertThat(coverage.get("t.before-boundary")).isPositive();
        assertThat(coverage.get("t.after-boundary")).isPositive();
        assertThat(coverage.get("t.out-of-order")).isPositive();
        assertThat(coverage.get("t.late")).isPositive();
        assertThat(coverage.get("nulls.amount")).isPositive();
        assertThat(coverage.get("deletes")).isPositive();
    }

    @Test
    void namesThePipelineDoesNotDeclareAreLoadTimeErrors() {
        var unknownTable = Providers.definitionError(() -> Providers.generator("records",
                "{table: order, fields: {a: {type: long}}}", SHOP));
        assertThat(unknownTable.getMessage()).contains("test.scenario.yaml:1:", "generate[0].records.table",
                "table 'order' is not created by the DDL of pipeline 'shop'", "did you mean 'orders'", "customers, orders");
        assertThat(unknownTable.getMessage()).doesNotContain("commented_out");
        var unknownTopic = Providers.definitionError(() -> Providers.generator("records",
                "{topic: click, fields: {a: {type: long}}}", SHOP));
        assertThat(unknownTopic.getMessage()).contains("topic 'click' is not declared", "declared: clicks");
    }

    @Test
    void badFieldsAreLoadTimeErrors() {
        assertThat(Providers.definitionError(() -> Providers.generator("records",
                "{topic: clicks, fields: {a: {faker: '#{Nope.nothing}'}}}", SHOP)).getMessage())
                .contains("generate[0].records.fields.a.faker", "Datafaker cannot evaluate");
        assertThat(Providers.definitionError(() -> Providers.generator("records",
                "{topic: clicks, fields: {a: {min: 3}}}", SHOP)).getMessage())
                .contains("fields.a", "give one of id, event-time, faker, values or type");
        assertThat(Providers.definitionError(() -> Providers.generator("records",
                "{topic: clicks, updates: 0.1, key: a, fields: {a: {id: x-, cardinality: 3}}}", SHOP)).getMessage())
                .contains("updates and deletes apply to tables");
        assertThat(Providers.definitionError(() -> Providers.generator("records",
                "{table: orders, key: b, fields: {a: {id: x-, cardinality: 3}}}", SHOP)).getMessage())
                .contains("'b' is not one of the fields a");
    }

    @Test
    void replayReadsItsFileAtLoadTimeAndNamesTheBadLine(@TempDir Path folder) throws Exception {
        Files.writeString(folder.resolve("orders.jsonl"), "{\"order_id\": \"o-1\", \"amount\": 2.50}\n\n{oops\n");
        DefinitionContext here = new DefinitionContext(SHOP.pipeline(), folder);
        var error = Providers.definitionError(() -> Providers.generator("replay", "{file: orders.jsonl, table: orders}", here));
        assertThat(error.getMessage()).contains("orders.jsonl:3", "not JSON");
        var missing = Providers.definitionError(() -> Providers.generator("replay", "{file: nope.csv, table: orders}", here));
        assertThat(missing.getMessage()).contains("generate[0].replay.file", "file 'nope.csv' not found");
    }

    @Test
    void rowsFilesReadCsvJsonLinesAndDebeziumEnvelopes(@TempDir Path folder) throws Exception {
        Path csv = Files.writeString(folder.resolve("c.csv"), "id,name,score,rank\nc-1,Ada,2.50,3\nc-2,,,\n");
        assertThat(RowsFile.read(csv, "csv")).extracting(RowsFile.FileRow::row).containsExactly(
                Map.of("id", "c-1", "name", "Ada", "score", new java.math.BigDecimal("2.50"), "rank", 3L),
                new java.util.HashMap<>(java.util.Map.of("id", "c-2")) {{ put("name", null); put("score", null); put("rank", null); }});
        Path envelopes = Files.writeString(folder.resolve("o.jsonl"),
                "{\"op\": \"c\", \"after\": {\"id\": \"o-1\", \"n\": 1}}\n"
                        + "{\"payload\": {\"op\": \"u\", \"before\": null, \"after\": {\"id\": \"o-1\", \"n\": 2}}}\n"
                        + "{\"op\": \"d\", \"before\": {\"id\": \"o-1\", \"n\": 2}, \"after\": null}\n");
        assertThat(RowsFile.read(envelopes, "debezium")).extracting(RowsFile.FileRow::op)
                .containsExactly(RowChange.Op.INSERT, RowChange.Op.UPDATE, RowChange.Op.DELETE);
        Path bad = Files.writeString(folder.resolve("b.jsonl"), "{\"op\": \"x\"}\n");
        assertThat(org.assertj.core.api.Assertions.catchThrowableOfType(RowsFile.BadFileException.class,
                () -> RowsFile.read(bad, "debezium")).line()).isEqualTo(1);
    }
}
