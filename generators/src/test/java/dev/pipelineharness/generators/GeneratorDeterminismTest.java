package dev.pipelineharness.generators;

import static org.assertj.core.api.Assertions.assertThat;

import dev.pipelineharness.generators.entity.EntityChangeSequence;
import dev.pipelineharness.generators.entity.EntityChangeShape;
import dev.pipelineharness.generators.interaction.Interaction;
import dev.pipelineharness.generators.interaction.InteractionSequence;
import dev.pipelineharness.generators.interaction.InteractionShape;
import dev.pipelineharness.generators.reference.ReferenceDataSequence;
import dev.pipelineharness.generators.reference.ReferenceDataShape;
import dev.pipelineharness.testkit.TestParams;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

class GeneratorDeterminismTest {

    static List<Interaction> interactions(long seed, String json) {
        InteractionSequence sequence = new InteractionSequence(
                InteractionShape.from(TestParams.of("generate[0].interactions", json)), seed);
        List<Interaction> result = new ArrayList<>();
        for (Interaction interaction; (interaction = sequence.next()) != null; ) {
            result.add(interaction);
        }
        return result;
    }

    @Test
    void entityChangesAreReproducibleAndConsistent() {
        EntityChangeShape shape = EntityChangeShape.from(TestParams.of("generate[0].entity-changes",
                "{\"count\": 500, \"keys\": 20, \"deletes\": 0.2}"));
        List<RowChange> first = EntityChangeSequence.generate(shape, 9, ValuePools.forSeed(9));
        assertThat(EntityChangeSequence.generate(shape, 9, ValuePools.forSeed(9))).isEqualTo(first);
        // replaying the changes never updates or deletes an absent row, nor inserts a present one
        Set<String> present = new HashSet<>();
        Map<RowChange.Op, Integer> ops = new HashMap<>();
        for (RowChange change : first) {
            String key = change.table() + "/" + change.key();
            ops.merge(change.op(), 1, Integer::sum);
            switch (change.op()) {
                case INSERT -> assertThat(present.add(key)).as("insert of present " + key).isTrue();
                case UPDATE -> assertThat(present).contains(key);
                case DELETE -> assertThat(present.remove(key)).as("delete of absent " + key).isTrue();
            }
        }
        assertThat(ops).containsKeys(RowChange.Op.INSERT, RowChange.Op.UPDATE, RowChange.Op.DELETE);
        assertThat(first.get(0).row()).containsKey(first.get(0).table().equals("loan_entities") ? "customer_name" : "vin");
    }

    @Test
    void referenceDataIsReproducibleWithUpdatesAndDeletes() {
        ReferenceDataShape shape = ReferenceDataShape.from(TestParams.of("generate[0].reference-data",
                "{\"users\": 10, \"items\": 12, \"reviews\": 60, \"updates\": 15, \"deletes\": 5}"));
        List<RowChange> first = ReferenceDataSequence.generate(shape, 3, ValuePools.forSeed(3));
        assertThat(ReferenceDataSequence.generate(shape, 3, ValuePools.forSeed(3))).isEqualTo(first);
        assertThat(first).hasSize(8 + 10 + 12 + 60 + 15 + 5);
        assertThat(first.stream().filter(c -> c.op() == RowChange.Op.DELETE)).hasSize(5);
        assertThat(first.get(0).table()).isEqualTo("categories");
        assertThat(first.stream().filter(c -> c.table().equals("users")).findFirst().orElseThrow().row())
                .containsOnlyKeys("user_id", "name", "email", "city", "signup_time");
    }

    @Test
    void interactionsHaveUniqueKeysRepeatPurchasesAndAmountsOnlyForPurchases() {
        List<Interaction> list = interactions(5, "{\"count\": 3000, \"users\": 20, \"items\": 15,"
                + " \"repeat-purchases\": 0.5, \"out-of-order\": 0.2}");
        assertThat(interactions(5, "{\"count\": 3000, \"users\": 20, \"items\": 15,"
                + " \"repeat-purchases\": 0.5, \"out-of-order\": 0.2}")).isEqualTo(list);
        Set<String> keys = new HashSet<>();
        list.forEach(i -> assertThat(keys.add(i.userId() + "@" + i.timestamp())).isTrue());
        assertThat(list).allSatisfy(i -> assertThat(i.amountCents() != null).isEqualTo(i.isPurchase()));
        Map<String, Integer> perUserItem = new HashMap<>();
        list.stream().filter(Interaction::isPurchase).forEach(i -> perUserItem.merge(i.userId() + i.itemId(), 1, Integer::sum));
        assertThat(perUserItem.values()).anySatisfy(n -> assertThat(n).isGreaterThan(1));
        assertThat(list.get(0).toJson()).startsWith("{\"user_id\":\"user-000");
    }

    @Test
    void zipfSkewFavoursLowRanks() {
        Zipf zipf = new Zipf(100, 1.2);
        java.util.SplittableRandom random = new java.util.SplittableRandom(1);
        int[] hits = new int[100];
        for (int i = 0; i < 100_000; i++) {
            hits[zipf.next(random)]++;
        }
        assertThat(hits[0]).isGreaterThan(hits[10] * 10);
        Zipf uniform = new Zipf(10, 0);
        int[] flat = new int[10];
        for (int i = 0; i < 100_000; i++) {
            flat[uniform.next(random)]++;
        }
        assertThat(java.util.Arrays.stream(flat).boxed().toList()).allSatisfy(n -> assertThat(n).isBetween(9_000, 11_000));
    }
}
