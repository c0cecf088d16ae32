package dev.pipelineharness.generators.reference;

import dev.pipelineharness.api.Params;
import dev.pipelineharness.generators.EventTimeShape;

/**
 * The settings of a {@code reference-data} entry: how many {@code users} (50), {@code categories}
 * (8), {@code items} (40) and {@code reviews} (200) to insert; then {@code updates} and
 * {@code deletes} (0 each), counts of changes to random existing rows after the inserts;
 * {@code dangling} (0): fraction of items whose category does not exist and of reviews whose item
 * does not exist; {@code commit-every} (100); {@code start-time} for signup and review times.
 */
public record ReferenceDataShape(int users, int categories, int items, int reviews, int updates, int deletes,
                                 double dangling, int commitEvery, long startTime) {

    public static ReferenceDataShape from(Params params) {
        params.allowOnly("users", "categories", "items", "reviews", "updates", "deletes", "dangling",
                "commit-every", "start-time");
        int users = atLeast(params, "users", 50, 1);
        int categories = atLeast(params, "categories", 8, 1);
        int items = atLeast(params, "items", 40, 1);
        int reviews = atLeast(params, "reviews", 200, 0);
        int updates = atLeast(params, "updates", 0, 0);
        int deletes = atLeast(params, "deletes", 0, 0);
        if (deletes > users + items + reviews) {
            throw params.error("deletes", "asks for " + deletes + " deletes but only " + (users + items + reviews)
                    + " users, items and reviews exist");
        }
        double dangling = params.fraction("dangling", 0);
        int commitEvery = atLeast(params, "commit-every", 100, 1);
        long start = params.longValue("start-time", EventTimeShape.DEFAULT_START);
        return new ReferenceDataShape(users, categories, items, reviews, updates, deletes, dangling, commitEvery, start);
    }

    private static int atLeast(Params params, String key, int defaultValue, int minimum) {
        int value = params.intValue(key, defaultValue);
        if (value < minimum) {
            throw params.error(key, "must be at least " + minimum + ", was " + value);
        }
        return value;
    }
}
