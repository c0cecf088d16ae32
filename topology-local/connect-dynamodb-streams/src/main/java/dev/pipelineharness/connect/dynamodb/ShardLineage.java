package dev.pipelineharness.connect.dynamodb;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The shards of one stream the task knows, with their parents, and which of them may be read now.
 *
 * <p>DynamoDB Streams keep an item's changes in order only along a shard's lineage: a child shard must
 * not be read before its parent is read to its end (its iterator came back null). A shard whose parent is
 * not listed any more (trimmed after 24 h) is readable at once.
 */
final class ShardLineage {

    /** One shard: where reading stands. */
    static final class Shard {
        final String id;
        final String parentId;
        String iterator;
        String lastSequenceNumber;
        boolean finished;

        Shard(String id, String parentId) {
            this.id = id;
            this.parentId = parentId;
        }
    }

    private final Map<String, Shard> shards = new LinkedHashMap<>();

    /** Adds a shard seen in DescribeStream; true if it was new. */
    boolean add(String shardId, String parentShardId) {
        if (shards.containsKey(shardId)) {
            return false;
        }
        shards.put(shardId, new Shard(shardId, parentShardId));
        return true;
    }

    Optional<Shard> get(String shardId) {
        return Optional.ofNullable(shards.get(shardId));
    }

    /** The shards to read now, parents before children. */
    List<Shard> readable() {
        List<Shard> readable = new ArrayList<>();
        for (Shard shard : shards.values()) {
            if (!shard.finished && parentDone(shard)) {
                readable.add(shard);
            }
        }
        return readable;
    }

    private boolean parentDone(Shard shard) {
        if (shard.parentId == null) {
            return true;
        }
        Shard parent = shards.get(shard.parentId);
        return parent == null || parent.finished;
    }

    int size() {
        return shards.size();
    }
}
