package io.xenpulse.actuator.kafka;

import java.util.Collection;
import java.util.HashMap;
import java.util.Map;
import java.util.TreeMap;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;

/**
 * Which command offsets may be committed. Commands of one partition finish out of order (different
 * nodes run in parallel), so a partition's committed offset only moves past the longest run of records
 * whose result (or dead letter) is durably published: a restart redelivers anything after it, never
 * skips an unanswered command.
 */
final class OffsetTracker {

    private final Map<TopicPartition, TreeMap<Long, Boolean>> outstanding = new HashMap<>();
    private final Map<TopicPartition, Long> nextToCommit = new HashMap<>();
    private final Map<TopicPartition, Long> committed = new HashMap<>();

    void received(CommandOffset record) {
        outstanding.computeIfAbsent(record.partition(), p -> new TreeMap<>()).put(record.offset(), false);
    }

    /** The record is answered; ignored for a partition that was revoked meanwhile. */
    void answered(CommandOffset record) {
        final TreeMap<Long, Boolean> records = outstanding.get(record.partition());
        if (records != null && records.containsKey(record.offset())) {
            records.put(record.offset(), true);
        }
    }

    /** Offsets to commit now: per partition, one past the last record of its answered prefix. */
    Map<TopicPartition, OffsetAndMetadata> committable() {
        final Map<TopicPartition, OffsetAndMetadata> commit = new HashMap<>();
        outstanding.forEach((partition, records) -> {
            while (!records.isEmpty() && records.firstEntry().getValue()) {
                nextToCommit.put(partition, records.pollFirstEntry().getKey() + 1);
            }
            final Long next = nextToCommit.get(partition);
            if (next != null && !next.equals(committed.get(partition))) {
                commit.put(partition, new OffsetAndMetadata(next));
            }
        });
        return commit;
    }

    void committed(Map<TopicPartition, OffsetAndMetadata> offsets) {
        offsets.forEach((partition, offset) -> committed.put(partition, offset.offset()));
    }

    void forget(Collection<TopicPartition> partitions) {
        for (TopicPartition partition : partitions) {
            outstanding.remove(partition);
            nextToCommit.remove(partition);
            committed.remove(partition);
        }
    }
}
