package dev.pipelineharness.generators.interaction;

import dev.pipelineharness.generators.Zipf;
import dev.pipelineharness.generators.reference.ReferenceIds;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.SplittableRandom;

/**
 * Interactions in write order, from the shape and the seed alone. ({@code user_id}, {@code timestamp})
 * is the table's key, so a timestamp already used by the same user is moved 1 ms later: every
 * interaction is a distinct item and none overwrites another.
 */
public final class InteractionSequence {

    private final InteractionShape shape;
    private final SplittableRandom random;
    private final Zipf itemPicker;
    private final Set<Long> usedKeys = new HashSet<>();
    private final Map<Integer, List<Integer>> purchasedByUser = new HashMap<>();
    private long index;

    public InteractionSequence(InteractionShape shape, long seed) {
        this.shape = shape;
        this.random = new SplittableRandom(seed);
        this.itemPicker = new Zipf(shape.items(), shape.skew());
    }

    /** The next interaction, or null after the planned count. */
    public Interaction next() {
        long count = shape.pacing().plannedCount();
        if (index >= count) {
            return null;
        }
        long timestamp = shape.times().eventTime(index, count, random);
        index++;
        int user = 1 + random.nextInt(shape.users());
        String type = shape.mix().pick(random);
        int item = 1 + itemPicker.next(random);
        Long amount = null;
        if (Interaction.PURCHASE.equals(type)) {
            List<Integer> earlier = purchasedByUser.computeIfAbsent(user, ignored -> new ArrayList<>());
            if (!earlier.isEmpty() && random.nextDouble() < shape.repeatPurchases()) {
                item = earlier.get(random.nextInt(earlier.size()));
            } else {
                earlier.add(item);
            }
            amount = random.nextLong(199, 50_001);
        }
        // pack (user, timestamp) into one long: users < 2^20, timestamps < 2^43 (year 2248)
        while (!usedKeys.add(((long) user << 43) | timestamp)) {
            timestamp++;
        }
        String session = String.format(Locale.ROOT, "sess-%05d-%04d", user, (timestamp / 1_800_000) % 10_000);
        return new Interaction(ReferenceIds.user(user), timestamp, type, ReferenceIds.item(item), amount, session);
    }
}
