package dev.pipelineharness.scenarios;

import java.nio.file.Path;
import java.util.List;

/**
 * A deliberately broken copy of a reference pipeline ({@code scenarios/mutants/NAME}, with a
 * {@code pipeline.yaml} that extends it), or a weakened setup around an unchanged one (no
 * {@code pipeline.yaml}: the scenario's faults break what the pipeline relies on), and what a
 * trustworthy harness must say about it: which checks turn red, and words their message must
 * contain, so a mutant counts as caught only when the diff names the actual mismatch. Every other
 * check of the mutant's scenario must pass: the control that the run itself was sound.
 */
public record Mutant(String name, List<Expectation> expectations) {

    static final Path MUTANTS = Path.of("mutants");

    /** The check whose display name contains {@code check} fails with a message containing every word of {@code words}. */
    public record Expectation(String check, List<String> words) {
    }

    static Mutant of(String name, Expectation... expectations) {
        return new Mutant(name, List.of(expectations));
    }

    static Expectation red(String check, String... words) {
        return new Expectation(check, List.of(words));
    }

    /** Whether the mutation is in a pipeline copy (a {@code pipeline.yaml}) rather than in the scenario's setup. */
    public boolean mutatesPipeline() {
        return java.nio.file.Files.exists(MUTANTS.resolve(name).resolve("pipeline.yaml"));
    }

    public Path scenario() {
        return MUTANTS.resolve(name).resolve("mutant.scenario.yaml");
    }

    /** Every shipped mutant and how it must be caught. */
    public static List<Mutant> all() {
        return List.of(
                of("drops-one-in-fifty", red("routed: filtered_loan_events", "missing"),
                        red("no-loss", "lost between raw_business_events and filtered_loan_events")),
                of("duplicates-loans", red("routed: filtered_loan_events", "extra"),
                        red("no-duplicates", "duplicated between raw_business_events and filtered_loan_events")),
                of("service-to-car", red("routed: filtered_service_events", "missing"),
                        red("routed: filtered_car_events", "extra")),
                of("drops-car-cdc", red("car_entities", "missing")),
                of("window-20-minutes", red("purchase_windowed_counts", "missing")),
                of("inner-join-totals", red("user_purchase_totals", "missing")),
                of("revenue-counts-cancelled", red("sql-oracle: revenue_per_customer_hour", "wrong", "revenue expected")),
                of("revenue-cdc-skips-deletes", red("no-loss", "lost between table orders and cdc_orders")),
                of("car-keyed-by-event-id", red("routed: filtered_car_events", "wrong", "differs in key: expected car-")),
                of("drill-without-mirror", red("failover", "RPO above its bound", "lost at cutover")),
                of("consumer-ignores-channel",
                        red("routed: filtered_loan_events", "wrong", "differs in channel: expected ", ", observed absent"),
                        red("routed: filtered_service_events", "wrong", "differs in channel: expected "),
                        red("routed: filtered_car_events", "wrong", "differs in channel: expected ")));
    }
}
