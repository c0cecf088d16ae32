package dev.pipelineharness.local.kafka;

import dev.pipelineharness.local.process.FreePorts;
import java.util.EnumMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;

/**
 * The ports one broker binds, chosen once so that a restart binds the same ones and the proxies in
 * front of the link listeners keep pointing at the right place.
 */
record KafkaPorts(int controller, int internal, Map<KafkaLink, Integer> links) {

    KafkaPorts {
        links = Map.copyOf(links);
    }

    static KafkaPorts pickFree() {
        Set<Integer> taken = new HashSet<>();
        int controller = distinct(taken);
        int internal = distinct(taken);
        Map<KafkaLink, Integer> links = new EnumMap<>(KafkaLink.class);
        for (KafkaLink link : KafkaLink.values()) {
            links.put(link, distinct(taken));
        }
        return new KafkaPorts(controller, internal, links);
    }

    int link(KafkaLink link) {
        return links.get(link);
    }

    /** Two quick picks may return the same ephemeral port; a broker cannot bind one port twice. */
    private static int distinct(Set<Integer> taken) {
        for (int attempt = 0; attempt < 20; attempt++) {
            int port = FreePorts.pick();
            if (taken.add(port)) {
                return port;
            }
        }
        throw new IllegalStateException("No distinct free port after 20 attempts; taken: " + taken);
    }
}
