package dev.pipelineharness.generators.records;

import static org.assertj.core.api.Assertions.assertThat;

import dev.pipelineharness.api.DefinitionContext;
import dev.pipelineharness.api.PipelineDefinition;
import dev.pipelineharness.api.PipelineFile;
import dev.pipelineharness.generators.RowChange;
import dev.pipelineharness.testkit.Providers;
import dev.pipelineharness.testkit.TestParams;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class DerivedFromDdlTest {

    private static final String DDL = """
            -- the shop's tables
            CREATE TABLE customers (
                customer_id TEXT PRIMARY KEY,
                name        VARCHAR(8),
                email       TEXT NOT NULL,
                vip         BOOLEAN
            );

            ALTER TABLE customers REPLICA IDENTITY FULL;

            CREATE TABLE orders (
                order_id    BIGINT NOT NULL,
                customer_id TEXT,
                amount      NUMERIC(5, 2) NOT NULL,
                quantity    SMALLINT,
                placed_at   TIMESTAMP WITH TIME ZONE NOT NULL,
                PRIMARY KEY (order_id)
            );
            CREATE TABLE tags (tag_id TEXT PRIMARY KEY, doc JSONB);
            """;

    private static final DefinitionContext SHOP = DefinitionContext.of(new PipelineDefinition("shop", Path.of("."),
            List.of(), List.of(), List.of(new PipelineFile(Path.of("shop.sql"), "postgres/shop.sql", DDL)),
            List.of(), List.of()), Path.of("."));

    private static List<RowChange> changes(String snippet, int count) {
        RecordsGenerator generator = (RecordsGenerator) new RecordsProvider()
                .create(TestParams.of("generate[0].records", snippet), SHOP);
        try {
            var field = RecordsGenerator.class.getDeclaredField("shape");
            field.setAccessible(true);
            RecordSequence sequence = new RecordSequence((RecordsShape) field.get(generator), 3);
            List<RowChange> changes = new ArrayList<>();
            for (int i = 0; i < count; i++) {
                changes.add(sequence.next());
            }
            return changes;
        } catch (ReflectiveOperationException e) {
            throw new AssertionError(e);
        }
    }

    @Test
    void everyColumnIsDerivedWithTheKeyFromThePrimaryKeyAndValuesThatFitTheirTypes() {
        List<RowChange> changes = changes("{table: customers, from: ddl, count: 200}", 200);

        assertThat(changes).allSatisfy(change -> {
            assertThat(change.keyColumns()).containsExactly("customer_id");
            assertThat(change.row()).containsOnlyKeys("customer_id", "name", "email", "vip");
            assertThat((String) change.row().get("customer_id")).matches("c-\\d{5}");
            assertThat(change.row().get("email")).asString().contains("@");
            if (change.row().get("name") != null) {
                assertThat((String) change.row().get("name")).hasSizeLessThanOrEqualTo(8);
            }
        });
        // nullable columns meet nulls, NOT NULL ones never do
        assertThat(changes).anySatisfy(change -> assertThat(change.row().get("vip")).isNull());
        assertThat(changes).noneSatisfy(change -> assertThat(change.row().get("email")).isNull());
    }

    @Test
    void numericKeysTimesAndDecimalsFollowTheColumnTypesAndAForeignIdReferencesTheOtherTablesPrefix() {
        List<RowChange> changes = changes("{table: orders, from: ddl, count: 50, updates: 0.2}", 50);

        assertThat(changes).allSatisfy(change -> {
            assertThat(change.row().get("order_id")).isInstanceOf(Long.class);
            assertThat(change.row().get("placed_at")).isInstanceOf(OffsetDateTime.class);
            BigDecimal amount = (BigDecimal) change.row().get("amount");
            assertThat(amount.scale()).isEqualTo(2);
            assertThat(amount).isLessThan(new BigDecimal("1000"));
            if (change.row().get("customer_id") != null) {
                assertThat((String) change.row().get("customer_id")).matches("c-\\d{5}");
            }
            if (change.row().get("quantity") != null) {
                assertThat(change.row().get("quantity")).isInstanceOf(Integer.class);
            }
        });
        assertThat(changes).anySatisfy(change -> assertThat(change.op()).isEqualTo(RowChange.Op.UPDATE));
    }

    @Test
    void aFieldGivenBesideFromDdlReplacesTheDerivedOne() {
        List<RowChange> changes = changes("{table: orders, from: ddl, count: 20,"
                + " fields: {customer_id: {values: [c-00001]}, amount: {values: ['1.50'], type: decimal}}}", 20);

        assertThat(changes).allSatisfy(change -> {
            assertThat(change.row()).containsEntry("customer_id", "c-00001");
            assertThat(change.row()).containsEntry("amount", new BigDecimal("1.50"));
        });
    }

    @Test
    void badDerivationsAreLoadTimeErrorsNamingTheColumnAndWhereItIsDeclared() {
        var unknownColumn = Providers.definitionError(() -> changes("{table: orders, from: ddl, count: 5,"
                + " fields: {amuont: {values: ['1']}}}", 1));
        assertThat(unknownColumn.getMessage()).contains("generate[0].records.fields.amuont",
                "table 'orders' (postgres/shop.sql:11:1) has no column 'amuont'", "amount");

        var jsonb = Providers.definitionError(() -> changes("{table: tags, from: ddl, count: 5}", 1));
        assertThat(jsonb.getMessage()).contains("generate[0].records.from", "column 'doc'", "postgres/shop.sql:19",
                "type jsonb", "give it under fields");
        assertThat(changes("{table: tags, from: ddl, count: 5, fields: {doc: {values: ['{}']}}}", 5)).hasSize(5);

        var onTopic = Providers.definitionError(() -> Providers.generator("records", "{topic: t, from: ddl}", SHOP));
        assertThat(onTopic.getMessage()).contains("give 'table'");

        var timesOnTopic = Providers.definitionError(() -> Providers.generator("records",
                "{topic: t, fields: {t: {event-time: {as: timestamptz}}}}", DefinitionContext.detached()));
        assertThat(timesOnTopic.getMessage()).contains("generate[0].records.fields.t.event-time.as", "epoch millis");
    }

    @Test
    void theParserReadsTypesArgumentsAndKeysAsPostgresWouldFoldThem() {
        DdlTable orders = DdlTable.find(SHOP, "orders").orElseThrow();

        assertThat(orders.primaryKey()).containsExactly("order_id");
        assertThat(orders.line()).isEqualTo(11);
        assertThat(orders.column("amount")).contains(new DdlTable.Column("amount", "numeric", List.of(5, 2), true));
        assertThat(orders.column("placed_at").orElseThrow().type()).isEqualTo("timestamp with time zone");
        assertThat(DdlTable.find(SHOP, "nope")).isEmpty();
        assertThat(DerivedFields.of(new DdlTable.Column("x", "uuid", List.of(), false), false, "t", 1)).isEmpty();
        assertThat(DerivedFields.of(new DdlTable.Column("n", "numeric", List.of(3, 1), false), false, "t", 1))
                .contains(Map.of("type", "decimal", "min", 0, "max", 99, "scale", 1, "null-rate", DerivedFields.NULL_RATE));
    }
}
