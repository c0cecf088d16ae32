package dev.pipelineharness.checks.reference;

import static org.assertj.core.api.Assertions.assertThat;

import dev.pipelineharness.generators.RowChange;
import dev.pipelineharness.generators.interaction.Interaction;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Small hand-computed examples of docs/pipelines.md, section 2. */
class AnalyticsOracleTest {

    private static final long W = 1_800_000L;

    private static Interaction purchase(String user, long ts, String item, long cents) {
        return new Interaction(user, ts, "purchase", item, cents, "s");
    }

    private static Interaction click(String user, long ts, String item) {
        return new Interaction(user, ts, "click", item, null, "s");
    }

    private static Map<String, Object> row(Object... pairs) {
        Map<String, Object> row = new LinkedHashMap<>();
        for (int i = 0; i < pairs.length; i += 2) {
            row.put((String) pairs[i], pairs[i + 1]);
        }
        return row;
    }

    private static RowChange insert(String table, String keyColumn, Object... pairs) {
        return new RowChange(table, RowChange.Op.INSERT, List.of(keyColumn), row(pairs));
    }

    private static RowChange update(String table, String keyColumn, Object... pairs) {
        return new RowChange(table, RowChange.Op.UPDATE, List.of(keyColumn), row(pairs));
    }

    private static RowChange delete(String table, String keyColumn, String id) {
        return new RowChange(table, RowChange.Op.DELETE, List.of(keyColumn), row(keyColumn, id));
    }

    @Test
    void windowsAreEpochAlignedAndAPurchaseAtWindowEndBelongsToTheNext() {
        List<Interaction> input = List.of(
                purchase("u1", W - 1, "i1", 100),       // window [0, W)
                purchase("u1", 0, "i1", 100),           // window [0, W), out of order but not late
                purchase("u1", W, "i1", 100),           // exactly window_end: next window [W, 2W)
                purchase("u1", W + 10, "i1", 100),      // [W, 2W)
                click("u2", 2 * W + 5_000, "i9"));      // watermark 2W: fires [W, 2W) (and [0, W))
        assertThat(AnalyticsOracle.purchaseWindowedCounts(input)).containsExactly(
                row("user_id", "u1", "item_id", "i1", "window_start", 0L, "window_end", W, "purchase_count", 2L),
                row("user_id", "u1", "item_id", "i1", "window_start", W, "window_end", 2 * W, "purchase_count", 2L));
    }

    @Test
    void aWindowFiresOnlyOnceTheWatermarkReachesItsEnd() {
        List<Interaction> notFired = List.of(purchase("u1", 10, "i1", 1), purchase("u1", 20, "i1", 1),
                click("u2", W + 4_999, "i1"));  // watermark W - 1: not fired
        assertThat(AnalyticsOracle.purchaseWindowedCounts(notFired)).isEmpty();
        List<Interaction> fired = new ArrayList<>(notFired);
        fired.add(click("u2", W + 5_000, "i1"));
        assertThat(AnalyticsOracle.purchaseWindowedCounts(fired)).hasSize(1);
    }

    @Test
    void aPurchaseReadAfterItsWindowFiredIsLateAndDropped() {
        List<Interaction> input = List.of(
                purchase("u1", 100, "i1", 1),
                purchase("u1", 200, "i1", 1),
                view("u3", W + 5_000),                   // fires [0, W) with count 2
                purchase("u1", 300, "i1", 1),            // late: its window already fired
                purchase("u1", W + 1, "i2", 1),          // on time in [W, 2W)
                purchase("u1", W + 2, "i2", 1),
                click("u3", 2 * W + 6_000, "i1"));       // fires [W, 2W)
        assertThat(AnalyticsOracle.purchaseWindowedCounts(input)).containsExactly(
                row("user_id", "u1", "item_id", "i1", "window_start", 0L, "window_end", W, "purchase_count", 2L),
                row("user_id", "u1", "item_id", "i2", "window_start", W, "window_end", 2 * W, "purchase_count", 2L));
        // the late purchase still counts where lateness does not matter
        assertThat(AnalyticsOracle.userPurchaseTotals(AnalyticsOracle.CurrentTables.apply(
                List.of(insert("users", "user_id", "user_id", "u1", "name", "Ann"))), input))
                .containsExactly(row("user_id", "u1", "name", "Ann", "purchase_count", 5L, "total_spent", new BigDecimal("0.05")));
    }

    private static Interaction view(String user, long ts) {
        return new Interaction(user, ts, "view", "i0", null, "s");
    }

    @Test
    void repeatPurchasesCountOnceInPairTablesAndTwiceInTotals() {
        List<Interaction> input = List.of(
                purchase("u1", 1, "i1", 1000), purchase("u1", 2, "i1", 1000), purchase("u1", 3, "i2", 250),
                purchase("u2", 4, "i2", 500), purchase("u2", 5, "i1", 500), purchase("u2", 6, "i3", 100),
                purchase("u3", 7, "i3", 100), click("u3", 8, "i1"));
        assertThat(AnalyticsOracle.coPurchaseCounts(input)).containsExactly(
                row("item_a", "i1", "item_b", "i2", "user_count", 2L),
                row("item_a", "i1", "item_b", "i3", "user_count", 1L),
                row("item_a", "i2", "item_b", "i3", "user_count", 1L));
        assertThat(AnalyticsOracle.itemSharedByUserPair(input)).containsExactly(
                row("user_a", "u1", "user_b", "u2", "shared_items", 2L),
                row("user_a", "u2", "user_b", "u3", "shared_items", 1L));
    }

    @Test
    void userTotalsFollowCurrentUsersWithZeroRowsAndWithoutUnknownUsers() {
        List<RowChange> changes = List.of(
                insert("users", "user_id", "user_id", "u1", "name", "Ann"),
                insert("users", "user_id", "user_id", "u2", "name", "Bob"),
                insert("users", "user_id", "user_id", "u3", "name", "Cy"),
                update("users", "user_id", "user_id", "u1", "name", "Anne"),
                delete("users", "user_id", "u3"));
        List<Interaction> input = List.of(purchase("u1", 1, "i1", 1050), purchase("u1", 2, "i2", 1000),
                purchase("u3", 3, "i1", 500), purchase("ghost", 4, "i1", 500), click("u2", 5, "i1"));
        assertThat(AnalyticsOracle.userPurchaseTotals(AnalyticsOracle.CurrentTables.apply(changes), input)).containsExactly(
                row("user_id", "u1", "name", "Anne", "purchase_count", 2L, "total_spent", new BigDecimal("20.50")),
                row("user_id", "u2", "name", "Bob", "purchase_count", 0L, "total_spent", new BigDecimal("0.00")));
    }

    @Test
    void highlyRatedNeedsThreeCurrentReviewsAveragingFourAndAnExistingCategory() {
        List<RowChange> changes = new ArrayList<>(List.of(
                insert("categories", "category_id", "category_id", "c1", "name", "Books"),
                insert("items", "item_id", "item_id", "i1", "name", "Atlas", "category_id", "c1", "price", new BigDecimal("9.99")),
                insert("items", "item_id", "item_id", "i2", "name", "Bible", "category_id", "c1", "price", new BigDecimal("5.00")),
                insert("items", "item_id", "item_id", "i3", "name", "Comic", "category_id", "c404", "price", new BigDecimal("1.00"))));
        // i1: 5, 4, 3 -> exactly 4.0 over 3 reviews: present
        changes.add(insert("reviews", "review_id", "review_id", "r1", "item_id", "i1", "user_id", "u", "rating", 5));
        changes.add(insert("reviews", "review_id", "review_id", "r2", "item_id", "i1", "user_id", "u", "rating", 4));
        changes.add(insert("reviews", "review_id", "review_id", "r3", "item_id", "i1", "user_id", "u", "rating", 3));
        // i2: 5, 5, 5 then one deleted -> 2 reviews: absent
        changes.add(insert("reviews", "review_id", "review_id", "r4", "item_id", "i2", "user_id", "u", "rating", 5));
        changes.add(insert("reviews", "review_id", "review_id", "r5", "item_id", "i2", "user_id", "u", "rating", 5));
        changes.add(insert("reviews", "review_id", "review_id", "r6", "item_id", "i2", "user_id", "u", "rating", 5));
        changes.add(delete("reviews", "review_id", "r6"));
        // i3: great reviews but its category does not exist: absent (inner join)
        for (int i = 7; i <= 9; i++) {
            changes.add(insert("reviews", "review_id", "review_id", "r" + i, "item_id", "i3", "user_id", "u", "rating", 5));
        }
        // reviews of an unknown item are ignored
        changes.add(insert("reviews", "review_id", "review_id", "r10", "item_id", "i404", "user_id", "u", "rating", 5));
        AnalyticsOracle.CurrentTables tables = AnalyticsOracle.CurrentTables.apply(changes);
        assertThat(AnalyticsOracle.highlyRatedItemDetails(tables)).containsExactly(row("item_id", "i1",
                "item_name", "Atlas", "category_name", "Books", "avg_rating", 4.0, "review_count", 3L));

        // an update lowering one rating drops i1 below 4.0
        changes.add(update("reviews", "review_id", "review_id", "r1", "item_id", "i1", "user_id", "u", "rating", 4));
        assertThat(AnalyticsOracle.highlyRatedItemDetails(AnalyticsOracle.CurrentTables.apply(changes))).isEmpty();
    }

    @Test
    void expectedHasAllFiveTables() {
        assertThat(AnalyticsOracle.expected(List.of(), List.of())).containsOnlyKeys(AnalyticsOracle.KEYS.keySet());
    }
}
