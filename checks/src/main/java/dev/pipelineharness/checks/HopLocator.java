package dev.pipelineharness.checks;

import dev.pipelineharness.api.Deployment;
import dev.pipelineharness.ledger.Ledger;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.admin.Admin;

/**
 * Follows ledger records hop by hop, so a red verdict says where a record went missing or was
 * duplicated: the topics the generators wrote to (the ledger's sources, in the primary region), the
 * record's destination (as the check saw it), and the same topic in every other region where the
 * deployment's topic exists (a mirror keeps the physical name). Each hop is read incrementally, like
 * the destinations, only from the first evaluation that needs it.
 */
final class HopLocator implements Hops, AutoCloseable {

    private static final Duration LIST_TIMEOUT = Duration.ofSeconds(10);

    private record Hop(TopicRecords records, HopCopies copies) {
    }

    private final Deployment deployment;
    private final Ledger ledger;
    private final String primary;
    private final Map<String, Hop> sources = new LinkedHashMap<>();
    /** By region, then by destination id. */
    private final Map<String, Map<Integer, Hop>> mirrors = new LinkedHashMap<>();
    private final Map<String, Admin> admins = new HashMap<>();
    private final List<String> notes = new ArrayList<>();

    HopLocator(Deployment deployment, Ledger ledger) {
        this.deployment = deployment;
        this.ledger = ledger;
        this.primary = deployment.endpoints().primaryRegion();
    }

    @Override
    public void readNew() {
        for (String source : ledger.sources()) {
            read(sources.computeIfAbsent(source, name -> new Hop(
                    new TopicRecords(deployment, name, "hops-" + name), new HopCopies())));
        }
        for (String region : deployment.endpoints().regions()) {
            if (!region.equals(primary)) {
                readMirrors(region);
            }
        }
    }

    private void readMirrors(String region) {
        Map<Integer, Hop> hops = mirrors.computeIfAbsent(region, ignored -> new LinkedHashMap<>());
        if (hops.size() < ledger.destinationCount() - 1) {
            Set<String> existing = topicsIn(region);
            for (int id = 1; id < ledger.destinationCount(); id++) {
                String name = ledger.destinationName(id);
                if (!hops.containsKey(id) && existing.contains(deployment.topic(name))) {
                    hops.put(id, new Hop(new TopicRecords(deployment, name, "hops-" + region + "-" + name, region),
                            new HopCopies()));
                }
            }
        }
        hops.values().forEach(this::read);
    }

    private Set<String> topicsIn(String region) {
        try {
            Admin admin = admins.computeIfAbsent(region, name -> Admin.create(
                    deployment.endpoints().kafka(name).clientProperties()));
            return admin.listTopics().names().get(LIST_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
        } catch (Exception e) {
            String note = region + " was not followed: listing its topics failed (" + e + ")";
            if (!notes.contains(note)) {
                notes.add(note);
            }
            return Set.of();
        }
    }

    private void read(Hop hop) {
        for (ObservedRecord record : hop.records().readNew()) {
            long ordinal = Ordinals.of(record, ledger);
            if (ordinal >= 0) {
                hop.copies().add(ordinal);
            }
        }
    }

    @Override
    public HopTrace trace(long ordinal, int seenAtDestination) {
        List<String> names = new ArrayList<>();
        List<Integer> copies = new ArrayList<>();
        if (!sources.isEmpty()) {
            names.add(String.join(" or ", sources.keySet()));
            copies.add(sources.values().stream().mapToInt(hop -> hop.copies().copies(ordinal)).sum());
        }
        int destination = ledger.destinationOf(ordinal);
        names.add(ledger.destinationName(destination));
        copies.add(seenAtDestination);
        mirrors.forEach((region, hops) -> {
            Hop mirror = hops.get(destination);
            if (mirror != null) {
                names.add(region + ":" + ledger.destinationName(destination));
                copies.add(mirror.copies().copies(ordinal));
            }
        });
        return new HopTrace(names, copies);
    }

    /** What could not be followed (a region whose topics could not be listed). */
    @Override
    public List<String> notes() {
        return List.copyOf(notes);
    }

    @Override
    public void close() {
        sources.values().forEach(hop -> hop.records().close());
        mirrors.values().forEach(hops -> hops.values().forEach(hop -> hop.records().close()));
        admins.values().forEach(admin -> admin.close(Duration.ofSeconds(5)));
    }
}
