package dev.pipelineharness.local.mirror;

/**
 * How MirrorMaker 2 names a replicated topic in the target region. See docs/topologies.md,
 * "Embedded: replication between regions", for why {@link #IDENTITY} is the default.
 */
public enum MirrorTopicNaming {

    /**
     * The replica keeps the source topic's name ({@code IdentityReplicationPolicy}), as a Confluent
     * Cluster Linking mirror topic does, so the same pipeline files and checks work in either region.
     * MirrorMaker cannot detect cycles with it: replication must be one-way.
     */
    IDENTITY("org.apache.kafka.connect.mirror.IdentityReplicationPolicy"),

    /**
     * The replica is called {@code <source>.<topic>} ({@code DefaultReplicationPolicy}, MirrorMaker's
     * own default); allows two-way replication, but consumers in the target must use the new names.
     */
    SOURCE_PREFIXED("org.apache.kafka.connect.mirror.DefaultReplicationPolicy");

    private final String policyClass;

    MirrorTopicNaming(String policyClass) {
        this.policyClass = policyClass;
    }

    /** The value of MirrorMaker's {@code replication.policy.class}. */
    public String policyClass() {
        return policyClass;
    }

    /** The name of {@code topic} of region {@code sourceRegion} once replicated. */
    public String replicatedName(String sourceRegion, String topic) {
        return this == IDENTITY ? topic : sourceRegion + "." + topic;
    }
}
