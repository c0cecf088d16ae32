package dev.pipelineharness.generators.reference;

import dev.pipelineharness.generators.RowChange;
import dev.pipelineharness.generators.ValuePools;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.SplittableRandom;

/**
 * The rows of {@code users}, {@code categories}, {@code items} and {@code reviews} (docs/pipelines.md,
 * section 2) as changes in commit order: inserts (categories, users, items, reviews), then updates
 * and deletes of random existing rows, computed from the shape and the seed alone. Each item has a
 * hidden quality, so some items collect high ratings and others low.
 */
public final class ReferenceDataSequence {

    private static final List<String> USER_KEY = List.of("user_id");
    private static final List<String> CATEGORY_KEY = List.of("category_id");
    private static final List<String> ITEM_KEY = List.of("item_id");
    private static final List<String> REVIEW_KEY = List.of("review_id");

    private final ReferenceDataShape shape;
    private final ValuePools pools;
    private final SplittableRandom random;
    private final Map<String, Map<String, Object>> users = new LinkedHashMap<>();
    private final Map<String, Map<String, Object>> categories = new LinkedHashMap<>();
    private final Map<String, Map<String, Object>> items = new LinkedHashMap<>();
    private final Map<String, Map<String, Object>> reviews = new LinkedHashMap<>();
    private final List<RowChange> changes = new ArrayList<>();

    private ReferenceDataSequence(ReferenceDataShape shape, long seed, ValuePools pools) {
        this.shape = shape;
        this.pools = pools;
        this.random = new SplittableRandom(seed);
    }

    public static List<RowChange> generate(ReferenceDataShape shape, long seed, ValuePools pools) {
        ReferenceDataSequence sequence = new ReferenceDataSequence(shape, seed, pools);
        sequence.insertAll();
        sequence.changeSome();
        return List.copyOf(sequence.changes);
    }

    private void insertAll() {
        List<String> departments = pools.departments();
        for (int i = 1; i <= shape.categories(); i++) {
            Map<String, Object> row = new LinkedHashMap<>();
            row.put("category_id", ReferenceIds.category(i));
            row.put("name", departments.get((i - 1) % departments.size()) + (i > departments.size() ? " " + i : ""));
            insert("categories", CATEGORY_KEY, categories, row);
        }
        for (int i = 1; i <= shape.users(); i++) {
            insert("users", USER_KEY, users, userRow(ReferenceIds.user(i), shape.startTime() + i * 60_000L));
        }
        int[] quality = new int[shape.items() + 1];
        for (int i = 1; i <= shape.items(); i++) {
            quality[i] = 1 + random.nextInt(5);
            insert("items", ITEM_KEY, items, itemRow(ReferenceIds.item(i)));
        }
        for (int i = 1; i <= shape.reviews(); i++) {
            int item = 1 + random.nextInt(shape.items());
            boolean dangling = random.nextDouble() < shape.dangling();
            Map<String, Object> row = new LinkedHashMap<>();
            row.put("review_id", ReferenceIds.review(i));
            row.put("item_id", dangling ? ReferenceIds.item(shape.items() + 1 + random.nextInt(100)) : ReferenceIds.item(item));
            row.put("user_id", ReferenceIds.user(1 + random.nextInt(shape.users())));
            row.put("rating", rating(quality[item]));
            row.put("review_time", shape.startTime() + 3_600_000L + i * 1_000L);
            insert("reviews", REVIEW_KEY, reviews, row);
        }
    }

    private int rating(int quality) {
        int rating = quality + random.nextInt(3) - 1;
        return Math.max(1, Math.min(5, rating));
    }

    private Map<String, Object> userRow(String id, long signupTime) {
        Map<String, Object> row = new LinkedHashMap<>();
        String first = pools.firstName(random);
        String last = pools.lastName(random);
        row.put("user_id", id);
        row.put("name", first + " " + last);
        row.put("email", (first + "." + last).toLowerCase(Locale.ROOT).replaceAll("[^a-z.]", "") + "@" + pools.emailDomain(random));
        row.put("city", pools.city(random));
        row.put("signup_time", signupTime);
        return row;
    }

    private Map<String, Object> itemRow(String id) {
        Map<String, Object> row = new LinkedHashMap<>();
        row.put("item_id", id);
        row.put("name", pools.productName(random));
        row.put("category_id", random.nextDouble() < shape.dangling()
                ? ReferenceIds.category(shape.categories() + 1 + random.nextInt(100))
                : ReferenceIds.category(1 + random.nextInt(shape.categories())));
        row.put("price", BigDecimal.valueOf(random.nextLong(199, 99_999), 2));
        return row;
    }

    private void insert(String table, List<String> key, Map<String, Map<String, Object>> rows, Map<String, Object> row) {
        rows.put((String) row.get(key.get(0)), row);
        changes.add(new RowChange(table, RowChange.Op.INSERT, key, row));
    }

    private void changeSome() {
        int updates = shape.updates();
        int deletes = shape.deletes();
        while (updates + deletes > 0) {
            boolean delete = random.nextInt(updates + deletes) < deletes;
            if (delete) {
                deleteOne();
                deletes--;
            } else {
                updateOne();
                updates--;
            }
        }
    }

    private void updateOne() {
        switch (random.nextInt(4)) {
            case 0 -> update("users", USER_KEY, users, row -> row.put("name", pools.firstName(random) + " " + pools.lastName(random)));
            case 1 -> update("categories", CATEGORY_KEY, categories, row -> row.put("name", row.get("name") + " & More"));
            case 2 -> update("items", ITEM_KEY, items, row -> {
                row.put("name", pools.productName(random));
                row.put("category_id", ReferenceIds.category(1 + random.nextInt(shape.categories())));
            });
            default -> update("reviews", REVIEW_KEY, reviews, row -> row.put("rating", 1 + random.nextInt(5)));
        }
    }

    private void update(String table, List<String> key, Map<String, Map<String, Object>> rows,
                        java.util.function.Consumer<Map<String, Object>> change) {
        if (rows.isEmpty()) {
            updateOneOf(table);
            return;
        }
        String id = pickKey(rows);
        Map<String, Object> row = new LinkedHashMap<>(rows.get(id));
        change.accept(row);
        rows.put(id, row);
        changes.add(new RowChange(table, RowChange.Op.UPDATE, key, row));
    }

    private void updateOneOf(String emptyTable) {
        // the chosen table is empty (all deleted): fall back to reviews, then users, which the shape keeps
        if (!emptyTable.equals("users") && !users.isEmpty()) {
            update("users", USER_KEY, users, row -> row.put("city", pools.city(random)));
        }
    }

    private void deleteOne() {
        List<String> tables = new ArrayList<>();
        if (!users.isEmpty()) {
            tables.add("users");
        }
        if (!items.isEmpty()) {
            tables.add("items");
        }
        if (!reviews.isEmpty()) {
            tables.add("reviews");
        }
        if (tables.isEmpty()) {
            return;
        }
        String table = tables.get(random.nextInt(tables.size()));
        Map<String, Map<String, Object>> rows = switch (table) {
            case "users" -> users;
            case "items" -> items;
            default -> reviews;
        };
        List<String> key = switch (table) {
            case "users" -> USER_KEY;
            case "items" -> ITEM_KEY;
            default -> REVIEW_KEY;
        };
        String id = pickKey(rows);
        rows.remove(id);
        changes.add(new RowChange(table, RowChange.Op.DELETE, key, Map.of(key.get(0), id)));
    }

    private String pickKey(Map<String, Map<String, Object>> rows) {
        int target = random.nextInt(rows.size());
        int i = 0;
        for (String id : rows.keySet()) {
            if (i++ == target) {
                return id;
            }
        }
        throw new IllegalStateException("unreachable");
    }
}
