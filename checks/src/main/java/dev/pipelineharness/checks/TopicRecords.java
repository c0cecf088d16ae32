package dev.pipelineharness.checks;

import dev.pipelineharness.formats.ValueDecoder;
import dev.pipelineharness.formats.ValueDecoders;
import dev.pipelineharness.api.Deployment;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * The records of one output topic read so far, decoded: a {@link TopicReader} plus the topic's
 * {@link ValueDecoder}, accumulating across evaluations.
 */
public final class TopicRecords implements AutoCloseable {

    private final String physicalTopic;
    private final TopicReader reader;
    private final ValueDecoder decoder;
    private final List<ObservedRecord> records = new ArrayList<>();

    public TopicRecords(Deployment deployment, String logicalTopic, String purpose) {
        this.physicalTopic = deployment.topic(logicalTopic);
        this.reader = new TopicReader(deployment.endpoints().kafka(), physicalTopic,
                deployment.namespace().prefix() + purpose);
        this.decoder = ValueDecoders.forTopic(deployment, logicalTopic);
    }

    /** Reads what arrived since the last call and returns everything read so far. */
    public List<ObservedRecord> readAll() {
        for (TopicReader.RawRecord raw : reader.readNew(CheckSettings.READ_BUDGET)) {
            records.add(decode(raw));
        }
        return records;
    }

    /** Reads what arrived since the last call and returns only that. */
    List<ObservedRecord> readNew() {
        List<ObservedRecord> fresh = new ArrayList<>();
        for (TopicReader.RawRecord raw : reader.readNew(CheckSettings.READ_BUDGET)) {
            ObservedRecord record = decode(raw);
            records.add(record);
            fresh.add(record);
        }
        return fresh;
    }

    private ObservedRecord decode(TopicReader.RawRecord raw) {
        String key = raw.key() == null ? null : new String(raw.key(), StandardCharsets.UTF_8);
        if (raw.value() == null) {
            return new ObservedRecord(raw.partition(), raw.offset(), key, null, null);
        }
        try {
            return new ObservedRecord(raw.partition(), raw.offset(), key, decoder.decode(physicalTopic, raw.value()), null);
        } catch (Exception e) {
            return new ObservedRecord(raw.partition(), raw.offset(), key, null,
                    new String(raw.value(), StandardCharsets.UTF_8));
        }
    }

    @Override
    public void close() {
        reader.close();
        decoder.close();
    }
}
