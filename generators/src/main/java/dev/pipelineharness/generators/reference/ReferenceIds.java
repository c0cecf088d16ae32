package dev.pipelineharness.generators.reference;

import java.util.Locale;

/**
 * The id formats shared by {@code reference-data} and {@code interactions}, so interactions name
 * users and items that exist: {@code user-00042}, {@code item-00042}, {@code cat-042}, {@code rev-000042}.
 * Zero-padded, so string order is numeric order.
 */
public final class ReferenceIds {

    private ReferenceIds() {
    }

    public static String user(int index) {
        return String.format(Locale.ROOT, "user-%05d", index);
    }

    public static String item(int index) {
        return String.format(Locale.ROOT, "item-%05d", index);
    }

    public static String category(int index) {
        return String.format(Locale.ROOT, "cat-%03d", index);
    }

    public static String review(int index) {
        return String.format(Locale.ROOT, "rev-%06d", index);
    }
}
