package dev.pipelineharness.testkit;

import dev.pipelineharness.api.Check;
import dev.pipelineharness.api.CheckProvider;
import dev.pipelineharness.api.DefinitionContext;
import dev.pipelineharness.api.Fault;
import dev.pipelineharness.api.FaultProvider;
import dev.pipelineharness.api.Generator;
import dev.pipelineharness.api.GeneratorProvider;
import dev.pipelineharness.api.ScenarioDefinitionException;
import java.util.List;
import java.util.ServiceLoader;
import java.util.function.Function;

/**
 * Builds a generator, check or fault the way a scenario does: the provider found on the classpath
 * by its name (so a missing {@code META-INF/services} entry fails the test), its settings from a
 * YAML snippet ({@link TestParams}). {@link #definitionError} captures the exact error a bad
 * snippet gets.
 */
public final class Providers {

    private Providers() {
    }

    /** {@code generator("business-events", "{count: 10}")}: the entry {@code generate[0].business-events}. */
    public static Generator generator(String name, String snippet) {
        return find(GeneratorProvider.class, GeneratorProvider::name, name)
                .create(TestParams.of("generate[0]." + name, snippet));
    }

    /** {@code check("topic-count", "{topic: raw, count: 3}")}: the entry {@code expect[0].topic-count}. */
    public static List<Check> check(String name, String snippet) {
        return find(CheckProvider.class, CheckProvider::name, name).create(TestParams.of("expect[0]." + name, snippet));
    }

    /** As {@link #generator(String, String)}, for a scenario around the entry (its pipeline, its folder). */
    public static Generator generator(String name, String snippet, DefinitionContext definition) {
        return find(GeneratorProvider.class, GeneratorProvider::name, name)
                .create(TestParams.of("generate[0]." + name, snippet), definition);
    }

    /** As {@link #check(String, String)}, for a scenario around the entry (its pipeline, its folder). */
    public static List<Check> check(String name, String snippet, DefinitionContext definition) {
        return find(CheckProvider.class, CheckProvider::name, name)
                .create(TestParams.of("expect[0]." + name, snippet), definition);
    }

    /** {@code fault("kill", "{component: kafka.east}")}: the entry {@code faults[0].kill}. */
    public static Fault fault(String name, String snippet) {
        return find(FaultProvider.class, FaultProvider::name, name).create(TestParams.of("faults[0]." + name, snippet));
    }

    /** As {@link #fault(String, String)}, knowing the scenario around it (its pipeline). */
    public static Fault fault(String name, String snippet, DefinitionContext definition) {
        return find(FaultProvider.class, FaultProvider::name, name)
                .create(TestParams.of("faults[0]." + name, snippet), definition);
    }

    /**
     * The {@link ScenarioDefinitionException} that {@code creation} throws, for exact assertions on
     * its message, location and field; an {@link AssertionError} if it throws none.
     */
    public static ScenarioDefinitionException definitionError(Runnable creation) {
        try {
            creation.run();
        } catch (ScenarioDefinitionException e) {
            return e;
        }
        throw new AssertionError("expected a ScenarioDefinitionException, but the provider accepted the settings");
    }

    private static <T> T find(Class<T> type, Function<T, String> nameOf, String name) {
        List<String> names = new java.util.ArrayList<>();
        for (T provider : ServiceLoader.load(type)) {
            if (nameOf.apply(provider).equals(name)) {
                return provider;
            }
            names.add(nameOf.apply(provider));
        }
        throw new AssertionError("no " + type.getSimpleName() + " named '" + name + "' on the classpath (is it in "
                + "META-INF/services/" + type.getName() + "?); found " + names);
    }
}
