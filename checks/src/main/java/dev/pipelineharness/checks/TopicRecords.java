package dev.pipelineharness.checks;

import dev.pipelineharness.formats.ValueDecoder;
import dev.pipelineharness.formats.ValueDecoders;
import dev.pipelineharness.api.Deployment;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import org.apache.kafka.common.record.TimestampType;

/**
 * The records of one output topic read so far, decoded: a {@link TopicReader} plus the topic's
 * {@link ValueDecoder}, accumulating across evaluations.
 */
public final class TopicRecords implements AutoCloseable {

    private final String physicalTopic;
    private final TopicReader reader;
    private final ValueDecoder decoder;
    private final List<ObservedRecord> records = new ArrayList<>();
    private final Set<TimestampType> timestampTypes = EnumSet.noneOf(TimestampType.class);

    public TopicRecords(Deployment deployment, String logicalTopic, String purpose) {
        this(deployment, logicalTopic, purpose, deployment.endpoints().primaryRegion());
    }

    /** The deployment's topic as it exists in {@code region} (a mirror keeps the physical name). */
    public TopicRecords(Deployment deployment, String logicalTopic, String purpose, String region) {
        this.physicalTopic = deployment.topic(logicalTopic);
        this.reader = new TopicReader(deployment.endpoints().kafka(region), physicalTopic,
                deployment.namespace().prefix() + purpose);
        this.decoder = ValueDecoders.forTopic(deployment, logicalTopic);
    }

    /** The kinds of timestamp the records read so far carried (a topic has one, unless its config changed). */
    Set<TimestampType> timestampTypes() {
        return Set.copyOf(timestampTypes);
    }

    /** Reads what arrived since the last call and returns everything read so far. */
    public List<ObservedRecord> readAll() {
        for (TopicReader.RawRecord raw : reader.readNew(CheckSettings.READ_BUDGET)) {
            records.add(decode(raw));
        }
        return records;
    }

    /**
     * Reads what arrived since the last call and returns only that, keeping nothing (a caller that
     * counts as it reads holds no copy of the topic); not to be mixed with {@link #readAll()}.
     */
    List<ObservedRecord> readNew() {
        List<ObservedRecord> fresh = new ArrayList<>();
        for (TopicReader.RawRecord raw : reader.readNew(CheckSettings.READ_BUDGET)) {
            fresh.add(decode(raw));
        }
        return fresh;
    }

    private ObservedRecord decode(TopicReader.RawRecord raw) {
        timestampTypes.add(raw.timestampType());
        String key = raw.key() == null ? null : new String(raw.key(), StandardCharsets.UTF_8);
        if (raw.value() == null) {
            return new ObservedRecord(raw.partition(), raw.offset(), key, null, null, raw.timestamp());
        }
        try {
            return new ObservedRecord(raw.partition(), raw.offset(), key, decoder.decode(physicalTopic, raw.value()), null,
                    raw.timestamp());
        } catch (Exception e) {
            return new ObservedRecord(raw.partition(), raw.offset(), key, null,
                    new String(raw.value(), StandardCharsets.UTF_8), raw.timestamp());
        }
    }

    @Override
    public void close() {
        reader.close();
        decoder.close();
    }
}
