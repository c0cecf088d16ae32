package dev.pipelineharness.checks;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.pipelineharness.api.FaultWindows;
import dev.pipelineharness.api.Verdict;
import dev.pipelineharness.ledger.Ledger;
import dev.pipelineharness.ledger.LedgerObserver;
import dev.pipelineharness.ledger.RecordStatus;
import dev.pipelineharness.testkit.StubDeployment;
import java.util.Set;
import org.apache.kafka.common.record.TimestampType;
import org.junit.jupiter.api.Test;

/**
 * Records identified by a field of their own (the ledger settings of records and replay) rather than
 * the ordinal in a business event's event_id: how a destination record is matched to its ledger
 * entry, and that no-loss and no-duplicates turn red on them, naming the record and the hop.
 */
class IdentifiedRecordsTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    private static JsonNode json(String text) throws Exception {
        return JSON.readTree(text);
    }

    private static ObservedRecord at(String value) throws Exception {
        return new ObservedRecord(0, 0, null, json(value), null, 1);
    }

    @Test
    void theIdIsReadFromTheValueOrFromADebeziumEnvelopesRow() throws Exception {
        assertThat(RecordIds.of(json("{\"order_id\": \"o-1\"}"), "order_id")).isEqualTo("o-1");
        assertThat(RecordIds.of(json("{\"n\": 12}"), "n")).isEqualTo("12");
        assertThat(RecordIds.of(json("{\"payload\": {\"id\": \"p-1\"}}"), "payload.id")).isEqualTo("p-1");
        assertThat(RecordIds.of(json("{\"op\": \"c\", \"before\": null, \"after\": {\"order_id\": \"o-2\"}}"), "order_id"))
                .isEqualTo("o-2");
        assertThat(RecordIds.of(json("{\"op\": \"d\", \"before\": {\"order_id\": \"o-3\"}, \"after\": null}"), "order_id"))
                .as("a delete carries its row in before").isEqualTo("o-3");
        assertThat(RecordIds.of(json("{\"schema\": {}, \"payload\": {\"op\": \"u\", \"after\": {\"order_id\": \"o-4\"}}}"),
                "order_id")).as("a converter with schemas wraps the envelope").isEqualTo("o-4");
        assertThat(RecordIds.of(json("{\"order_id\": null}"), "order_id")).isNull();
        assertThat(RecordIds.of(json("{\"order\": {\"id\": 1}}"), "order")).as("an object is no id").isNull();
        assertThat(RecordIds.of(json("[1]"), "order_id")).isNull();
    }

    @Test
    void aDestinationWithAnIdFieldResolvesByItsValueAndOthersByEventId() throws Exception {
        Ledger ledger = new Ledger();
        int orders = ledger.destination("cdc_orders", "order_id");
        int loans = ledger.destination("filtered_loan_events");
        long first = ledger.identified(orders, "o-1", 7);
        assertThat(ledger.identified(orders, "o-1", 7)).as("every write of one id is a copy of one record").isEqualTo(first);
        long second = ledger.identified(orders, "o-2", 8);

        assertThat(Ordinals.of(at("{\"op\": \"c\", \"after\": {\"order_id\": \"o-2\"}}"), ledger, orders)).isEqualTo(second);
        assertThat(Ordinals.of(at("{\"order_id\": \"o-9\"}"), ledger, orders)).as("an id no generator wrote").isEqualTo(-1);
        assertThat(Ordinals.of(new ObservedRecord(0, 0, "k", null, null, 1), ledger, orders)).as("a tombstone").isEqualTo(-1);
        assertThat(Ordinals.of(at("{\"event_id\": \"o-1\"}"), ledger, loans)).isEqualTo(-1);
        assertThat(ledger.idField(loans)).isEmpty();
        assertThatThrownBy(() -> ledger.destination("cdc_orders", "id"))
                .hasMessageContaining("cdc_orders is ledgered both by the field order_id and by the field id");
        assertThatThrownBy(() -> ledger.identified(loans, "x", 1)).hasMessageContaining("carry their ordinal in event_id");
    }

    @Test
    void recordsWrittenToATableAreLocatedBetweenTheTableAndTheDestination() throws Exception {
        Ledger ledger = new Ledger();
        int orders = ledger.destination("cdc_orders", "order_id");
        ledger.source(orders, new Ledger.Source("orders", false));
        long delivered = write(ledger, orders, "o-1", 1);
        long updatedButOnlyInsertSeen = write(ledger, orders, "o-2", 2);
        long duplicated = write(ledger, orders, "o-3", 1);
        LedgerObserver observer = ledger.observer();
        for (String value : new String[] {
                "{\"op\": \"c\", \"after\": {\"order_id\": \"o-1\"}}",
                "{\"op\": \"c\", \"after\": {\"order_id\": \"o-2\"}}",
                "{\"op\": \"c\", \"after\": {\"order_id\": \"o-3\"}}",
                "{\"op\": \"c\", \"after\": {\"order_id\": \"o-3\"}}",
                "{\"op\": \"c\", \"after\": {\"order_id\": \"o-404\"}}"}) {
            long ordinal = Ordinals.of(at(value), ledger, orders);
            if (ordinal >= 0) {
                observer.observed(ordinal, orders, System.currentTimeMillis());
            }
        }
        assertThat(observer.status(delivered)).isEqualTo(RecordStatus.DELIVERED);
        assertThat(observer.status(updatedButOnlyInsertSeen)).isEqualTo(RecordStatus.MISSING);
        assertThat(observer.status(duplicated)).isEqualTo(RecordStatus.DUPLICATED);

        try (HopLocator hops = new HopLocator(new StubDeployment("s", null), ledger)) {
            LedgerView view = new LedgerView(ledger, observer, FaultWindows.none(), Set.of(TimestampType.CREATE_TIME),
                    () -> hops);
            Verdict lost = HopReport.missing(view, LedgerComparison.noLoss(view.summary(), false));
            assertThat(lost.passed()).isFalse();
            assertThat(lost.summary()).endsWith("; 1 lost between table orders and cdc_orders");
            assertThat(lost.details()).as("the diff names the record by its id")
                    .contains("#" + updatedButOnlyInsertSeen + " (order_id o-2) -> cdc_orders (written 2, acknowledged 2, seen 1)")
                    .contains("#" + updatedButOnlyInsertSeen + " (order_id o-2)"
                            + " -> cdc_orders: table orders 2, cdc_orders 1: lost between table orders and cdc_orders");
            Verdict twice = HopReport.duplicated(view, LedgerComparison.noDuplicates(view.summary()));
            assertThat(twice.passed()).isFalse();
            assertThat(twice.details()).contains("#" + duplicated
                    + " (order_id o-3) -> cdc_orders: table orders 1, cdc_orders 2: duplicated between table orders and cdc_orders");
        }
    }

    /** {@code copies} committed changes of the row {@code id}. */
    private static long write(Ledger ledger, int destination, String id, int copies) {
        long ordinal = -1;
        for (int i = 0; i < copies; i++) {
            ordinal = ledger.identified(destination, id, id.hashCode());
            ledger.written(ordinal);
            ledger.acknowledged(ordinal);
        }
        return ordinal;
    }
}
