package dev.pipelineharness.checks.failover;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.pipelineharness.api.Check;
import dev.pipelineharness.api.CheckContext;
import dev.pipelineharness.api.CheckProvider;
import dev.pipelineharness.api.KafkaEndpoint;
import dev.pipelineharness.api.Params;
import dev.pipelineharness.api.RegionSwitch;
import dev.pipelineharness.api.Verdict;
import dev.pipelineharness.api.control.FailoverReport;
import dev.pipelineharness.checks.CheckSettings;
import dev.pipelineharness.checks.TopicReader;
import dev.pipelineharness.checks.reference.RoutingOracle;
import dev.pipelineharness.generators.business.BusinessEvent;
import dev.pipelineharness.generators.business.GeneratedBusinessEvents;
import dev.pipelineharness.generators.business.RawRecord;
import dev.pipelineharness.ledger.Ledger;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * {@code failover: {rpo: {max-events: 100}, rto: {max: 30s}, duplicates: {max: 1%}, within: 90s}}: judges
 * the {@code region-outage} drill ({@link FailoverJudgement}: RPO, RTO, every acknowledged event outside
 * the RPO in its output topic in the new region, redeliveries bounded, moved groups' positions) and
 * prints its figures in the verdict. {@code topics} (the routing outputs by default) and {@code source}
 * ({@code raw_business_events}) name the pipeline's topics; everything is read in the region failed
 * over to, {@code read_committed}.
 */
public final class FailoverCheckProvider implements CheckProvider {

    static final Duration DEFAULT_RTO_MAX = Duration.ofSeconds(60);

    @Override
    public String name() {
        return "failover";
    }

    @Override
    public List<Check> create(Params params) {
        params.allowOnly("rpo", "rto", "duplicates", "topics", "source", "within");
        long rpoMax = 0;
        if (params.has("rpo")) {
            Params rpo = params.params("rpo").allowOnly("max-events");
            rpoMax = rpo.longValue("max-events");
            if (rpoMax < 0) {
                throw rpo.error("max-events", "must not be negative, was " + rpoMax);
            }
        }
        Duration rtoMax = params.has("rto") ? params.params("rto").allowOnly("max").duration("max") : DEFAULT_RTO_MAX;
        double duplicatesMax = 0;
        if (params.has("duplicates")) {
            duplicatesMax = CheckSettings.fraction(params.params("duplicates").allowOnly("max"), "max");
        }
        List<String> topics = params.strings("topics", RoutingOracle.OUTPUT_TOPICS);
        if (topics.isEmpty()) {
            throw params.error("topics", "must name at least one output topic");
        }
        String source = params.string("source", "raw_business_events");
        return List.of(new FailoverCheck(new FailoverThresholds(rpoMax, rtoMax, duplicatesMax), topics, source,
                CheckSettings.within(params)));
    }


    static final class FailoverCheck implements Check {

        private static final ObjectMapper JSON = new ObjectMapper();

        private final FailoverThresholds thresholds;
        private final List<String> topics;
        private final String source;
        private final Duration within;
        private TopicReader sourceReader;
        private final Map<String, TopicReader> outputReaders = new LinkedHashMap<>();
        private final Set<Long> replicatedAtCutover = new HashSet<>();
        private final List<WestRecord> outputs = new ArrayList<>();
        private Map<Long, Long> eventTimes;

        FailoverCheck(FailoverThresholds thresholds, List<String> topics, String source, Duration within) {
            this.thresholds = thresholds;
            this.topics = List.copyOf(topics);
            this.source = source;
            this.within = within;
        }

        /** RPO, RTO and redeliveries are the drill's result: shown when it passes too. */
        @Override
        public boolean measures() {
            return true;
        }

        @Override
        public String describe() {
            return "failover: RPO <= " + thresholds.rpoMaxEvents() + " events, RTO <= "
                    + FailoverJudgement.seconds(thresholds.rtoMax()) + ", redeliveries <= "
                    + FailoverJudgement.percent(thresholds.duplicatesMax());
        }

        @Override
        public Duration within() {
            return within;
        }

        @Override
        public Verdict evaluate(CheckContext context) {
            FailoverReport report = context.store().get(FailoverReport.class).orElse(null);
            if (report == null) {
                return Verdict.fail("failover: no failover report", "the scenario's region-outage fault has not"
                        + " completed its runbook (yet): nothing to judge");
            }
            Ledger ledger = context.store().get(Ledger.class).orElse(null);
            if (ledger == null) {
                return Verdict.fail("failover: nothing to judge", "no generator of this scenario wrote to Kafka");
            }
            RegionSwitch regionSwitch = context.store().computeIfAbsent(RegionSwitch.class, RegionSwitch::new);
            KafkaEndpoint endpoint = context.deployment().endpoints().kafka(report.to());
            String physicalSource = context.deployment().topic(source);
            if (sourceReader == null) {
                sourceReader = new TopicReader(endpoint, physicalSource, "failover-source");
            }
            Map<Integer, Long> cutover = report.cutoverOffsets().getOrDefault(physicalSource, Map.of());
            for (TopicReader.RawRecord record : sourceReader.readNew(Duration.ofSeconds(5))) {
                if (record.offset() < cutover.getOrDefault(record.partition(), 0L)) {
                    long ordinal = ordinal(record.value());
                    if (ordinal >= 0) {
                        replicatedAtCutover.add(ordinal);
                    }
                }
            }
            Map<String, String> physical = new LinkedHashMap<>();
            for (String topic : topics) {
                String name = context.deployment().topic(topic);
                physical.put(topic, name);
                TopicReader reader = outputReaders.computeIfAbsent(topic,
                        ignored -> new TopicReader(endpoint, name, "failover-" + topic));
                for (TopicReader.RawRecord record : reader.readNew(Duration.ofSeconds(5))) {
                    outputs.add(new WestRecord(name, record.partition(), record.offset(), ordinal(record.value())));
                }
            }
            Map<Long, Long> times = eventTimes(context);
            return FailoverJudgement.judge(ledger, regionSwitch, report, physical, replicatedAtCutover, outputs,
                    ordinal -> times.getOrDefault(ordinal, 0L), thresholds);
        }

        private Map<Long, Long> eventTimes(CheckContext context) {
            GeneratedBusinessEvents generated = context.store().get(GeneratedBusinessEvents.class).orElse(null);
            if (generated == null) {
                return Map.of();
            }
            if (eventTimes == null || eventTimes.size() < generated.size()) {
                Map<Long, Long> times = new HashMap<>();
                for (RawRecord record : generated.snapshot()) {
                    if (!record.malformed()) {
                        times.put(record.ordinal(), record.event().eventTime());
                    }
                }
                eventTimes = times;
            }
            return eventTimes;
        }

        private static long ordinal(byte[] value) {
            if (value == null) {
                return -1;
            }
            try {
                JsonNode id = JSON.readTree(value).get("event_id");
                return id == null ? -1 : BusinessEvent.ordinalOf(id.asText());
            } catch (java.io.IOException | RuntimeException e) {
                return -1;
            }
        }

        @Override
        public void close() {
            if (sourceReader != null) {
                sourceReader.close();
            }
            outputReaders.values().forEach(TopicReader::close);
        }
    }
}
