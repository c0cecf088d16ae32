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
 * duplicated: where the generators wrote (the ledger's sources for the record's destination: a topic
 * in the primary region, read; a table, whose copies are the commits the ledger holds), the record's
 * destination (as the check saw it), and the same topic in every other region where the
 * deployment's topic exists (a mirror keeps the physical name). Each hop is read incrementally, like
 * the destinations, only from the first evaluation that needs it.
 */
final class HopLocator implements Hops, AutoCloseable {

    private static final Duration LIST_TIMEOUT = Duration.ofSeconds(10);

    private record Hop(TopicRecords records, HopCopies copies) {
    }

    private record SourceHop(String topic, int destinationId) {
    }

    private final Deployment deployment;
    private final Ledger ledger;
    private final String primary;
    /** Source topics by name and the destination whose id identifies their records (-1: the ordinal in event_id). */
    private final Map<SourceHop, Hop> sources = new LinkedHashMap<>();
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
        for (int destination = 1; destination < ledger.destinationCount(); destination++) {
            int identifiedBy = ledger.idField(destination).isPresent() ? destination : -1;
            for (Ledger.Source source : ledger.sources(destination)) {
                if (source.isTopic()) {
                    sources.computeIfAbsent(new SourceHop(source.name(), identifiedBy), hop -> new Hop(
                            new TopicRecords(deployment, hop.topic(), "hops-" + hop.topic()
                                    + (identifiedBy < 0 ? "" : "-" + identifiedBy)), new HopCopies()));
                }
            }
        }
        sources.forEach((hop, topic) -> read(topic, hop.destinationId()));
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
        hops.forEach((destination, hop) -> read(hop, destination));
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

    /** @param destinationId whose id field identifies the hop's records; -1: the ordinal in event_id */
    private void read(Hop hop, int destinationId) {
        for (ObservedRecord record : hop.records().readNew()) {
            long ordinal = destinationId < 0 ? Ordinals.ofEventId(record, ledger) : Ordinals.of(record, ledger, destinationId);
            if (ordinal >= 0) {
                hop.copies().add(ordinal);
            }
        }
    }

    @Override
    public HopTrace trace(long ordinal, int seenAtDestination) {
        List<String> names = new ArrayList<>();
        List<Integer> copies = new ArrayList<>();
        int destination = ledger.destinationOf(ordinal);
        List<Ledger.Source> written = ledger.sources(destination);
        if (!written.isEmpty()) {
            int identifiedBy = ledger.idField(destination).isPresent() ? destination : -1;
            names.add(String.join(" or ", written.stream().map(Ledger.Source::toString).toList()));
            int held = 0;
            for (Ledger.Source source : written) {
                Hop hop = sources.get(new SourceHop(source.name(), identifiedBy));
                // a table is not read: the copies it holds are the commits the ledger recorded
                held += source.isTopic() ? (hop == null ? 0 : hop.copies().copies(ordinal)) : ledger.ackedCopies(ordinal);
            }
            copies.add(held);
        }
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
