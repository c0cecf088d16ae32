package dev.pipelineharness.generators.interaction;

/**
 * One item of {@code dev-user-personalization} (docs/pipelines.md, section 2), identified by
 * ({@code user_id}, {@code timestamp}).
 *
 * @param amountCents the purchase amount in cents; null for clicks and views
 */
public record Interaction(String userId, long timestamp, String interactionType, String itemId, Long amountCents,
                          String sessionId) {

    public static final String PURCHASE = "purchase";
    public static final String CLICK = "click";
    public static final String VIEW = "view";

    public boolean isPurchase() {
        return PURCHASE.equals(interactionType);
    }

    /** The flat JSON object the stream connector writes to {@code interaction_data}. */
    public String toJson() {
        dev.pipelineharness.generators.Json json = dev.pipelineharness.generators.Json.object()
                .field("user_id", userId).field("timestamp", timestamp).field("interaction_type", interactionType)
                .field("item_id", itemId);
        if (amountCents != null) {
            json.decimal("amount", amountCents, 2);
        }
        return json.field("session_id", sessionId).end();
    }
}
