package io.xenpulse.actuator.kafka;

import io.xenpulse.schemas.command.CommandResult;
import io.xenpulse.schemas.topics.Topic;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.PartitionInfo;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.Deserializer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Reads the command-result topic, every partition, from the beginning, and keeps following it: this is
 * how a restarted actuator remembers executed ids and fences, and how it learns results written by
 * other instances before it takes over their partitions. Unreadable records are logged and skipped.
 */
final class HistoryReader implements AutoCloseable {

    /** Receives each result with its position (offset) in its partition. */
    interface Sink {
        void learn(CommandResult result, long position);
    }

    private static final Logger LOG = LoggerFactory.getLogger(HistoryReader.class);
    private static final Duration STEP = Duration.ofMillis(100);

    private final Consumer<byte[], byte[]> consumer;
    private final String topic;
    private final Deserializer<CommandResult> reader;
    private List<TopicPartition> partitions = List.of();

    HistoryReader(Consumer<byte[], byte[]> consumer, Topic<String, CommandResult> topic) {
        this.consumer = consumer;
        this.topic = topic.name();
        this.reader = topic.valueSerde().deserializer();
    }

    /** Reads until every partition's end as of now (the first call starts at the beginning). */
    void catchUp(Duration timeout, Sink sink) {
        final Instant deadline = Instant.now().plus(timeout);
        if (partitions.isEmpty()) {
            assignAll(deadline);
        }
        final Map<TopicPartition, Long> end = consumer.endOffsets(partitions, timeout);
        int learnt = 0;
        while (!reached(end)) {
            if (Instant.now().isAfter(deadline)) {
                throw new IllegalStateException("result history of " + topic + " not read within " + timeout);
            }
            learnt += poll(STEP, sink);
        }
        LOG.info("read {} results from {} up to {}", learnt, topic, end.values());
    }

    /** Learns whatever arrived since the last call. */
    int poll(Duration timeout, Sink sink) {
        int learnt = 0;
        for (ConsumerRecord<byte[], byte[]> record : consumer.poll(timeout)) {
            try {
                final CommandResult result = reader.deserialize(record.topic(), record.headers(), record.value());
                if (result != null) {
                    sink.learn(result, record.offset());
                    learnt++;
                }
            } catch (RuntimeException e) {
                LOG.warn("skipping unreadable result at {}-{}@{}: {}", record.topic(), record.partition(),
                        record.offset(), e.toString());
            }
        }
        return learnt;
    }

    private void assignAll(Instant deadline) {
        while (partitions.isEmpty()) {
            final List<PartitionInfo> infos = consumer.partitionsFor(topic, STEP.multipliedBy(10));
            partitions = infos == null ? List.of()
                    : infos.stream().map(info -> new TopicPartition(topic, info.partition())).toList();
            if (partitions.isEmpty() && Instant.now().isAfter(deadline)) {
                throw new IllegalStateException("topic " + topic + " does not exist: create the pipeline's topics first");
            }
        }
        consumer.assign(partitions);
        consumer.seekToBeginning(partitions);
    }

    private boolean reached(Map<TopicPartition, Long> end) {
        return end.entrySet().stream().allMatch(e -> consumer.position(e.getKey()) >= e.getValue());
    }

    @Override
    public void close() {
        consumer.close(Duration.ofSeconds(5));
    }
}
