package dev.pipelineharness.faults;

import dev.pipelineharness.api.Fault;
import dev.pipelineharness.api.FaultContext;
import dev.pipelineharness.api.FaultProvider;
import dev.pipelineharness.api.Location;
import dev.pipelineharness.api.Params;
import dev.pipelineharness.api.RegionSwitch;
import dev.pipelineharness.api.ScenarioDefinitionException;
import dev.pipelineharness.api.Topology;
import dev.pipelineharness.api.control.FailoverReport;
import dev.pipelineharness.api.control.Outage;
import dev.pipelineharness.api.control.RegionFailover;
import dev.pipelineharness.api.support.Suggestions;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * {@code region-outage: east} or {@code region-outage: {region: east, failover-to: west,
 * downstream-topics: [filtered_loan_events], replicated-within: 15s, runbook-within: 90s, ready-within: 2m}}: the whole region goes away and the failover runbook runs, through the topology's
 * {@link RegionFailover}: before the outage a downstream consumer group consumes in the region and its
 * position is replicated; then the region is taken away (evidence: its brokers refuse connections);
 * then producers move, the deployment's job is resubmitted in the other region from the replicated,
 * translated offsets, and the group resumes there. The {@link FailoverReport} goes to the scenario's
 * store for the {@code failover} check. Healed (the region brought back, ready) when the scenario ends;
 * without a {@code for}, the region stays away while the checks judge the drill. Runs alone.
 */
public final class RegionOutageFaultProvider implements FaultProvider {

    public static final String KIND = RegionFailover.FAULT_KIND;
    /** How long the runbook's waits (replication caught up, the job running in the new region) may take, unless set. */
    static final Duration DEFAULT_RUNBOOK_WITHIN = Duration.ofSeconds(90);
    /**
     * How long, before the outage, the replication may take to carry the downstream groups' positions,
     * unless set: a healthy MirrorMaker syncs them within a few seconds; a weakened one never does, and
     * the drill goes on (its check judges what that left).
     */
    static final Duration DEFAULT_REPLICATED_WITHIN = Duration.ofSeconds(15);

    @Override
    public String name() {
        return KIND;
    }

    @Override
    public Fault create(Params params) {
        String region;
        String to = null;
        Location location;
        String field;
        Location toLocation;
        String toField;
        Duration runbookWithin = DEFAULT_RUNBOOK_WITHIN;
        List<String> downstreamTopics = List.of();
        Duration replicatedWithin = DEFAULT_REPLICATED_WITHIN;
        Duration readyWithin = FaultSettings.DEFAULT_READY_WITHIN;
        if (params.isScalar()) {
            region = params.scalarText();
            location = params.location();
            field = params.field();
            toLocation = location;
            toField = field;
        } else {
            params.allowOnly("region", "failover-to", "downstream-topics", "replicated-within", "runbook-within",
                    "ready-within");
            replicatedWithin = params.duration("replicated-within", DEFAULT_REPLICATED_WITHIN);
            downstreamTopics = params.strings("downstream-topics", List.of());
            region = params.string("region");
            location = params.location("region");
            field = params.field("region");
            if (params.has("failover-to")) {
                to = params.string("failover-to");
            }
            toLocation = params.has("failover-to") ? params.location("failover-to") : location;
            toField = params.has("failover-to") ? params.field("failover-to") : field;
            runbookWithin = params.duration("runbook-within", DEFAULT_RUNBOOK_WITHIN);
            readyWithin = params.duration("ready-within", FaultSettings.DEFAULT_READY_WITHIN);
        }
        return new RegionOutage(region, to, location, field, toLocation, toField, downstreamTopics, replicatedWithin,
                runbookWithin, readyWithin);
    }

    static final class RegionOutage implements Fault {

        private final String region;
        private final String requestedTarget;
        private final Location location;
        private final String field;
        private final Location targetLocation;
        private final String targetField;
        private final List<String> downstreamTopics;
        private final Duration replicatedWithin;
        private final Duration runbookWithin;
        private final Duration readyWithin;
        private volatile boolean takenDown;

        RegionOutage(String region, String requestedTarget, Location location, String field, Location targetLocation,
                     String targetField, List<String> downstreamTopics, Duration replicatedWithin, Duration runbookWithin,
                     Duration readyWithin) {
            this.downstreamTopics = List.copyOf(downstreamTopics);
            this.replicatedWithin = replicatedWithin;
            this.region = region;
            this.requestedTarget = requestedTarget;
            this.location = location;
            this.field = field;
            this.targetLocation = targetLocation;
            this.targetField = targetField;
            this.runbookWithin = runbookWithin;
            this.readyWithin = readyWithin;
        }

        @Override
        public String kind() {
            return KIND;
        }

        @Override
        public String describe() {
            return KIND + " " + region + (requestedTarget == null ? "" : ", failover to " + requestedTarget);
        }

        /**
         * A topology without the capability does not list {@value #KIND} in its supported faults, so the
         * engine skips the scenario with that reason; only a topology that has it validates the regions.
         */
        @Override
        public void validate(Topology topology) {
            topology.capability(RegionFailover.class).ifPresent(failover -> target(failover.failoverTargets(), topology));
        }

        /** The region to fail over to, checked against what the topology offers; file:line errors otherwise. */
        String target(Map<String, Set<String>> targets, Topology topology) {
            if (!targets.containsKey(region)) {
                throw new ScenarioDefinitionException(location, field, "topology '" + topology.name()
                        + "' has no region '" + region + "' that can fail over"
                        + Suggestions.didYouMean(region, targets.keySet()) + "; it has " + describe(targets));
            }
            Set<String> possible = targets.get(region);
            if (requestedTarget == null) {
                if (possible.size() != 1) {
                    throw new ScenarioDefinitionException(location, field, "region '" + region + "' can fail over to "
                            + String.join(" or ", new TreeSet<>(possible)) + ": say which with failover-to");
                }
                return possible.iterator().next();
            }
            if (!possible.contains(requestedTarget)) {
                throw new ScenarioDefinitionException(targetLocation, targetField, "region '" + region
                        + "' cannot fail over to '" + requestedTarget + "'"
                        + Suggestions.didYouMean(requestedTarget, possible) + "; it can to "
                        + String.join(", ", new TreeSet<>(possible)));
            }
            return requestedTarget;
        }

        private static String describe(Map<String, Set<String>> targets) {
            StringBuilder text = new StringBuilder();
            new TreeSet<>(targets.keySet()).forEach(name -> text.append(text.isEmpty() ? "" : ", ").append(name)
                    .append(" (to ").append(String.join(", ", new TreeSet<>(targets.get(name)))).append(')'));
            return text.toString();
        }

        @Override
        public void inject(FaultContext context) throws Exception {
            RegionFailover failover = failover(context.topology());
            String to = target(failover.failoverTargets(), context.topology());
            RegionSwitch producers = context.store().computeIfAbsent(RegionSwitch.class, RegionSwitch::new);
            context.evidence("before the outage: " + failover.prepare(context.deployment(), region, to, downstreamTopics,
                    replicatedWithin));
            // set first: a take-down that fails half way (links cut, broker still up) is healed all the same
            takenDown = true;
            Outage outage = failover.takeDown(region);
            context.evidence("outage: " + outage.evidence());
            FailoverReport report = failover.failover(context.deployment(), outage, to, producers,
                    step -> context.evidence("runbook: " + step), runbookWithin);
            context.store().put(FailoverReport.class, report);
        }

        @Override
        public void heal(FaultContext context) throws Exception {
            if (!takenDown) {
                return;
            }
            context.evidence("healed: " + failover(context.topology()).bringBack(region, readyWithin));
            takenDown = false;
        }

        private static RegionFailover failover(Topology topology) {
            return topology.capability(RegionFailover.class).orElseThrow(() -> new IllegalStateException(
                    "topology '" + topology.name() + "' has no regions to fail over (no RegionFailover)"));
        }
    }
}
