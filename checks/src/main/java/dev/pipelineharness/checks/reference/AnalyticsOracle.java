package dev.pipelineharness.checks.reference;

import dev.pipelineharness.generators.RowChange;
import dev.pipelineharness.generators.interaction.Interaction;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * The expected content of the five analytics tables of the personalization pipeline
 * (docs/pipelines.md, section 2) at quiescence, from the committed PostgreSQL changes (in commit
 * order) and the interactions (in write order) alone. Plain collections, no SQL, no Flink.
 *
 * <p>Values: text as {@link String}, counts as {@link Long}, money as {@link BigDecimal} (scale 2),
 * {@code avg_rating} as {@link Double}, times as {@link Long}.
 */
public final class AnalyticsOracle {

    public static final long WINDOW_MILLIS = 1_800_000L;
    public static final long WATERMARK_DELAY_MILLIS = 5_000L;

    /** The tables and their primary keys. */
    public static final Map<String, List<String>> KEYS = Map.of(
            "co_purchase_counts", List.of("item_a", "item_b"),
            "user_purchase_totals", List.of("user_id"),
            "highly_rated_item_details", List.of("item_id"),
            "item_shared_by_user_pair", List.of("user_a", "user_b"),
            "purchase_windowed_counts", List.of("user_id", "item_id", "window_start"));

    private AnalyticsOracle() {
    }

    /** All five tables, by name. */
    public static Map<String, List<Map<String, Object>>> expected(List<RowChange> changes, List<Interaction> interactions) {
        CurrentTables tables = CurrentTables.apply(changes);
        Map<String, List<Map<String, Object>>> result = new LinkedHashMap<>();
        result.put("co_purchase_counts", coPurchaseCounts(interactions));
        result.put("user_purchase_totals", userPurchaseTotals(tables, interactions));
        result.put("highly_rated_item_details", highlyRatedItemDetails(tables));
        result.put("item_shared_by_user_pair", itemSharedByUserPair(interactions));
        result.put("purchase_windowed_counts", purchaseWindowedCounts(interactions));
        return result;
    }

    public static List<Map<String, Object>> coPurchaseCounts(List<Interaction> interactions) {
        Map<String, Set<String>> itemsByUser = new TreeMap<>();
        for (Interaction interaction : interactions) {
            if (interaction.isPurchase()) {
                itemsByUser.computeIfAbsent(interaction.userId(), ignored -> new TreeSet<>()).add(interaction.itemId());
            }
        }
        return countPairs(itemsByUser, "item_a", "item_b", "user_count");
    }

    public static List<Map<String, Object>> itemSharedByUserPair(List<Interaction> interactions) {
        Map<String, Set<String>> usersByItem = new TreeMap<>();
        for (Interaction interaction : interactions) {
            if (interaction.isPurchase()) {
                usersByItem.computeIfAbsent(interaction.itemId(), ignored -> new TreeSet<>()).add(interaction.userId());
            }
        }
        return countPairs(usersByItem, "user_a", "user_b", "shared_items");
    }

    /** For every group's sorted distinct members, counts each unordered pair (a &lt; b) across groups. */
    private static List<Map<String, Object>> countPairs(Map<String, Set<String>> groups, String first, String second,
                                                        String countColumn) {
        // a hash map while counting (pairs can number millions), sorted once at the end
        Map<Pair, Long> counts = new HashMap<>();
        for (Set<String> members : groups.values()) {
            List<String> sorted = new ArrayList<>(members);
            for (int i = 0; i < sorted.size(); i++) {
                for (int j = i + 1; j < sorted.size(); j++) {
                    counts.merge(new Pair(sorted.get(i), sorted.get(j)), 1L, Long::sum);
                }
            }
        }
        List<Pair> pairs = new ArrayList<>(counts.keySet());
        pairs.sort(java.util.Comparator.comparing(Pair::first).thenComparing(Pair::second));
        List<Map<String, Object>> rows = new ArrayList<>(pairs.size());
        for (Pair pair : pairs) {
            rows.add(row(first, pair.first(), second, pair.second(), countColumn, counts.get(pair)));
        }
        return rows;
    }

    /** A pair key; the hash mixes both halves well (a record's 31*a+b collides a lot on ids like item-00017). */
    private record Pair(String first, String second) {
        @Override
        public int hashCode() {
            long mixed = (first.hashCode() * 0x9E3779B97F4A7C15L) ^ second.hashCode();
            mixed *= 0xBF58476D1CE4E5B9L;
            return (int) (mixed ^ (mixed >>> 32));
        }

        @Override
        public boolean equals(Object other) {
            return other instanceof Pair pair && pair.first.equals(first) && pair.second.equals(second);
        }
    }

    public static List<Map<String, Object>> userPurchaseTotals(CurrentTables tables, List<Interaction> interactions) {
        Map<String, long[]> totals = new HashMap<>();
        for (Interaction interaction : interactions) {
            if (interaction.isPurchase()) {
                long[] total = totals.computeIfAbsent(interaction.userId(), ignored -> new long[2]);
                total[0]++;
                total[1] += interaction.amountCents() == null ? 0 : interaction.amountCents();
            }
        }
        List<Map<String, Object>> rows = new ArrayList<>();
        for (Map<String, Object> user : tables.rows("users").values()) {
            long[] total = totals.getOrDefault((String) user.get("user_id"), new long[2]);
            Map<String, Object> row = new LinkedHashMap<>();
            row.put("user_id", user.get("user_id"));
            row.put("name", user.get("name"));
            row.put("purchase_count", total[0]);
            row.put("total_spent", BigDecimal.valueOf(total[1], 2));
            rows.add(row);
        }
        return rows;
    }

    public static List<Map<String, Object>> highlyRatedItemDetails(CurrentTables tables) {
        Map<String, long[]> ratings = new HashMap<>();
        for (Map<String, Object> review : tables.rows("reviews").values()) {
            long[] sumAndCount = ratings.computeIfAbsent((String) review.get("item_id"), ignored -> new long[2]);
            sumAndCount[0] += ((Number) review.get("rating")).longValue();
            sumAndCount[1]++;
        }
        Map<String, Map<String, Object>> categories = tables.rows("categories");
        List<Map<String, Object>> rows = new ArrayList<>();
        for (Map<String, Object> item : tables.rows("items").values()) {
            long[] sumAndCount = ratings.get((String) item.get("item_id"));
            Map<String, Object> category = categories.get((String) item.get("category_id"));
            // compare sum >= 4 * count in integers: no rounding decides whether 4.0 is reached
            if (sumAndCount == null || sumAndCount[1] < 3 || sumAndCount[0] < 4 * sumAndCount[1] || category == null) {
                continue;
            }
            Map<String, Object> row = new LinkedHashMap<>();
            row.put("item_id", item.get("item_id"));
            row.put("item_name", item.get("name"));
            row.put("category_name", category.get("name"));
            row.put("avg_rating", (double) sumAndCount[0] / sumAndCount[1]);
            row.put("review_count", sumAndCount[1]);
            rows.add(row);
        }
        return rows;
    }

    /**
     * Tumbling 30-minute windows with the watermark of docs/pipelines.md: after reading interaction
     * k it is max(timestamp 1..k) - 5 s; a window [s, e) fires once an interaction with
     * timestamp &gt;= e + 5 s was read; a purchase read after its window fired is late and dropped;
     * windows not fired at the end produce nothing; only counts &gt;= 2 are kept.
     */
    public static List<Map<String, Object>> purchaseWindowedCounts(List<Interaction> interactions) {
        Map<List<Object>, Long> counts = new LinkedHashMap<>();
        long maxTimestamp = Long.MIN_VALUE;
        for (Interaction interaction : interactions) {
            if (interaction.isPurchase()) {
                long start = Math.floorDiv(interaction.timestamp(), WINDOW_MILLIS) * WINDOW_MILLIS;
                long end = start + WINDOW_MILLIS;
                boolean fired = maxTimestamp != Long.MIN_VALUE && maxTimestamp >= end + WATERMARK_DELAY_MILLIS;
                if (!fired) {
                    counts.merge(List.of(interaction.userId(), interaction.itemId(), start), 1L, Long::sum);
                }
            }
            maxTimestamp = Math.max(maxTimestamp, interaction.timestamp());
        }
        List<Map<String, Object>> rows = new ArrayList<>();
        for (Map.Entry<List<Object>, Long> entry : counts.entrySet()) {
            long start = (Long) entry.getKey().get(2);
            long end = start + WINDOW_MILLIS;
            boolean firedAtEnd = maxTimestamp >= end + WATERMARK_DELAY_MILLIS;
            if (firedAtEnd && entry.getValue() >= 2) {
                Map<String, Object> row = new LinkedHashMap<>();
                row.put("user_id", entry.getKey().get(0));
                row.put("item_id", entry.getKey().get(1));
                row.put("window_start", start);
                row.put("window_end", end);
                row.put("purchase_count", entry.getValue());
                rows.add(row);
            }
        }
        return rows;
    }

    private static Map<String, Object> row(String a, Object va, String b, Object vb, String c, Object vc) {
        Map<String, Object> row = new LinkedHashMap<>();
        row.put(a, va);
        row.put(b, vb);
        row.put(c, vc);
        return row;
    }

    /** The reference tables after every committed change, keyed by primary key, in first-insert order. */
    public static final class CurrentTables {

        private final Map<String, Map<String, Map<String, Object>>> tables = new HashMap<>();

        public static CurrentTables apply(List<RowChange> changes) {
            CurrentTables current = new CurrentTables();
            for (RowChange change : changes) {
                Map<String, Map<String, Object>> rows = current.tables.computeIfAbsent(change.table(),
                        ignored -> new LinkedHashMap<>());
                switch (change.op()) {
                    case INSERT, UPDATE -> rows.merge(change.key(), new LinkedHashMap<>(change.row()), (old, updated) -> {
                        old.putAll(updated);
                        return old;
                    });
                    case DELETE -> rows.remove(change.key());
                }
            }
            return current;
        }

        public Map<String, Map<String, Object>> rows(String table) {
            return tables.getOrDefault(table, Map.of());
        }
    }
}
