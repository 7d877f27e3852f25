package io.xenpulse.actuator.kafka;

import org.apache.kafka.common.TopicPartition;

/** Where a command record was read: the dispatcher's handle for it, and what gets committed after it. */
record CommandOffset(TopicPartition partition, long offset) {

    @Override
    public String toString() {
        return partition + "@" + offset;
    }
}
