package dev.pipelineharness.local.kafka;

import dev.pipelineharness.local.process.FreePorts;
import java.util.EnumMap;
import java.util.Map;

/**
 * The ports one broker binds, chosen once so that a restart binds the same ones and the proxies in
 * front of the link listeners keep pointing at the right place.
 */
record KafkaPorts(int controller, int internal, Map<KafkaLink, Integer> links) {

    KafkaPorts {
        links = Map.copyOf(links);
    }

    /** Every port distinct: {@link FreePorts} never hands out one port twice in a JVM. */
    static KafkaPorts pickFree() {
        int controller = FreePorts.pick();
        int internal = FreePorts.pick();
        Map<KafkaLink, Integer> links = new EnumMap<>(KafkaLink.class);
        for (KafkaLink link : KafkaLink.values()) {
            links.put(link, FreePorts.pick());
        }
        return new KafkaPorts(controller, internal, links);
    }

    int link(KafkaLink link) {
        return links.get(link);
    }
}
