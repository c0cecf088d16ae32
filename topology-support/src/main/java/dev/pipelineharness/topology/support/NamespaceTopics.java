package dev.pipelineharness.topology.support;

import java.util.List;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.admin.Admin;

/**
 * The topics of a cluster that belong to one scenario's namespace: those its pipeline declares, and
 * those a connector created under its prefix (a Debezium heartbeat topic, a dead-letter queue), which
 * a deployment removes with the declared ones.
 */
public final class NamespaceTopics {

    private NamespaceTopics() {
    }

    /** The names in {@code cluster} (for messages) that start with {@code prefix}, a namespace's prefix. */
    public static List<String> startingWith(Admin admin, String prefix, String cluster) {
        if (prefix.isEmpty()) {
            throw new IllegalArgumentException("an empty prefix would name every topic of " + cluster);
        }
        try {
            return admin.listTopics().names().get(30, TimeUnit.SECONDS).stream()
                    .filter(name -> name.startsWith(prefix)).sorted().toList();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while listing the topics of " + cluster, e);
        } catch (Exception e) {
            throw new IllegalStateException("Listing the topics of " + cluster + " failed", e);
        }
    }
}
