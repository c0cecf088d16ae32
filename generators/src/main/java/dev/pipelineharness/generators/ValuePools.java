package dev.pipelineharness.generators;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import java.util.Set;
import java.util.SplittableRandom;
import net.datafaker.Faker;

/**
 * Realistic values drawn once per seed from Datafaker, then combined on the hot path with a fast
 * {@link SplittableRandom}. A Datafaker call costs microseconds; picking from a pool costs
 * nanoseconds. The locale is fixed so the pools do not depend on the machine's default locale.
 */
public final class ValuePools {

    private static final int POOL_SIZE = 256;

    private final List<String> makes = new ArrayList<>();
    private final List<String> models = new ArrayList<>();
    private final List<String> vins;
    private final List<String> cities;
    private final List<String> firstNames;
    private final List<String> lastNames;
    private final List<String> emailDomains;
    private final List<String> departments;
    private final List<String> productNames;
    private final List<String> reviewPhrases;

    private ValuePools(Faker faker) {
        for (int i = 0; i < POOL_SIZE; i++) {
            String make = faker.vehicle().make();
            makes.add(make);
            models.add(faker.vehicle().model(make));
        }
        vins = distinct(POOL_SIZE * 4, faker.vehicle()::vin);
        cities = distinct(POOL_SIZE, faker.address()::city);
        firstNames = distinct(POOL_SIZE, faker.name()::firstName);
        lastNames = distinct(POOL_SIZE, faker.name()::lastName);
        emailDomains = distinct(16, faker.internet()::domainName);
        departments = distinct(48, faker.commerce()::department);
        productNames = distinct(POOL_SIZE * 2, faker.commerce()::productName);
        reviewPhrases = distinct(64, () -> faker.lorem().sentence(6));
    }

    /** Builds the pools for one seed; the same seed gives the same pools on every machine. */
    public static ValuePools forSeed(long seed) {
        return new ValuePools(new Faker(Locale.ENGLISH, new Random(seed)));
    }

    private static List<String> distinct(int wanted, java.util.function.Supplier<String> source) {
        Set<String> values = new LinkedHashSet<>();
        // bounded: Datafaker's lists are finite, so stop after a fixed number of tries
        for (int tries = 0; values.size() < wanted && tries < wanted * 8; tries++) {
            values.add(source.get());
        }
        return List.copyOf(values);
    }

    private static String pick(List<String> pool, SplittableRandom random) {
        return pool.get(random.nextInt(pool.size()));
    }

    /** A make and a model of that make, as one pair index. */
    public int carModel(SplittableRandom random) {
        return random.nextInt(makes.size());
    }

    public String make(int carModel) {
        return makes.get(carModel);
    }

    public String model(int carModel) {
        return models.get(carModel);
    }

    /** A VIN for an entity: stable per entity, so one car keeps its VIN across events. */
    public String vinOf(int entity) {
        String base = vins.get(Math.floorMod(entity, vins.size()));
        if (entity < vins.size()) {
            return base;
        }
        // more entities than pooled VINs: vary the serial part (last 6 characters) deterministically
        String serial = String.format(Locale.ROOT, "%06d", Math.floorMod(entity / vins.size(), 1_000_000));
        return base.substring(0, base.length() - 6) + serial;
    }

    public String city(SplittableRandom random) {
        return pick(cities, random);
    }

    public String firstName(SplittableRandom random) {
        return pick(firstNames, random);
    }

    public String lastName(SplittableRandom random) {
        return pick(lastNames, random);
    }

    public String emailDomain(SplittableRandom random) {
        return pick(emailDomains, random);
    }

    public List<String> departments() {
        return departments;
    }

    public String productName(SplittableRandom random) {
        return pick(productNames, random);
    }

    public String reviewPhrase(SplittableRandom random) {
        return pick(reviewPhrases, random);
    }
}
