package dev.pipelineharness.generators.interaction;

import dev.pipelineharness.api.Params;
import dev.pipelineharness.generators.EventTimeShape;
import dev.pipelineharness.generators.Fractions;
import dev.pipelineharness.generators.Pacing;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

/**
 * The settings of an {@code interactions} entry: {@code count}/{@code duration}/{@code rate}/
 * {@code bursts} as for business events; {@code mix: {purchase, click, view}} (0.3/0.4/0.3);
 * {@code users} (50) and {@code items} (40), ids as {@code reference-data} makes them; {@code skew}
 * Zipf exponent over items (0); {@code repeat-purchases} (0.2): fraction of purchases that repeat
 * one of the user's earlier purchased items; the event-time settings of {@link EventTimeShape}
 * ({@code timestamp} is the event time); {@code write: batch | single} (batch);
 * {@code table} (dev-user-personalization).
 */
public record InteractionShape(Pacing pacing, Fractions<String> mix, int users, int items, double skew,
                               double repeatPurchases, EventTimeShape times, boolean batch, String table) {

    public static final String DEFAULT_TABLE = "dev-user-personalization";

    private static final List<String> KEYS;

    static {
        List<String> keys = new ArrayList<>(List.of("count", "duration", "rate", "bursts", "mix", "users", "items",
                "skew", "repeat-purchases", "write", "table"));
        keys.addAll(Arrays.asList(EventTimeShape.KEYS));
        KEYS = List.copyOf(keys);
    }

    public static InteractionShape from(Params params) {
        params.allowOnly(KEYS);
        Pacing pacing = Pacing.from(params);
        List<String> types = List.of(Interaction.PURCHASE, Interaction.CLICK, Interaction.VIEW);
        Fractions<String> mix = Fractions.from(params, "mix", types, types,
                Map.of(Interaction.PURCHASE, 0.3, Interaction.CLICK, 0.4, Interaction.VIEW, 0.3));
        int users = params.intValue("users", 50);
        int items = params.intValue("items", 40);
        if (users <= 0 || users > 1_000_000) {
            throw params.error("users", "must be between 1 and 1000000, was " + users);
        }
        if (items <= 0) {
            throw params.error("items", "must be greater than 0, was " + items);
        }
        double skew = params.decimal("skew", 0);
        if (skew < 0 || skew > 5) {
            throw params.error("skew", "must be a Zipf exponent between 0 (uniform) and 5, was " + skew);
        }
        double repeat = params.fraction("repeat-purchases", 0.2);
        EventTimeShape times = EventTimeShape.from(params);
        boolean batch = "batch".equals(params.choice("write", List.of("batch", "single"), "batch"));
        String table = params.string("table", DEFAULT_TABLE);
        return new InteractionShape(pacing, mix, users, items, skew, repeat, times, batch, table);
    }
}
