package io.xenpulse.actuator.kafka;

import java.time.Duration;
import java.time.Instant;
import java.util.Collection;
import java.util.Set;
import org.apache.kafka.clients.consumer.ConsumerRebalanceListener;
import org.apache.kafka.common.TopicPartition;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Hands command partitions between actuator instances without executing anything twice:
 * <ul>
 *   <li>revoked: commands still waiting are dropped (the next owner gets them), commands already
 *       executing are finished and their results published and committed before the partition goes;</li>
 *   <li>assigned: the result history is read up to its current end first, so results the previous owner
 *       published (executed ids, fences) are known before its commands are admitted;</li>
 *   <li>lost: nothing can be committed any more; waiting commands are dropped.</li>
 * </ul>
 * Runs on the loop thread, inside {@code poll}.
 */
final class RebalanceHandler implements ConsumerRebalanceListener {

    private static final Logger LOG = LoggerFactory.getLogger(RebalanceHandler.class);

    private final CommandLoop loop;
    private final Duration drainTimeout;
    private final Duration historyTimeout;

    RebalanceHandler(CommandLoop loop, Duration drainTimeout, Duration historyTimeout) {
        this.loop = loop;
        this.drainTimeout = drainTimeout;
        this.historyTimeout = historyTimeout;
    }

    @Override
    public void onPartitionsRevoked(Collection<TopicPartition> partitions) {
        if (partitions.isEmpty()) {
            return;
        }
        final Set<TopicPartition> revoked = Set.copyOf(partitions);
        final int dropped = loop.dispatcher().abandonWaiting(token -> revoked.contains(token.partition()));
        try {
            loop.finish(token -> revoked.contains(token.partition()), Instant.now().plus(drainTimeout));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        loop.commit();
        loop.offsets().forget(revoked);
        LOG.info("partitions revoked: {} ({} waiting commands left to the next owner)", revoked, dropped);
    }

    @Override
    public void onPartitionsLost(Collection<TopicPartition> partitions) {
        final Set<TopicPartition> lost = Set.copyOf(partitions);
        final int dropped = loop.dispatcher().abandonWaiting(token -> lost.contains(token.partition()));
        loop.offsets().forget(lost);
        LOG.warn("partitions lost: {} ({} waiting commands dropped)", lost, dropped);
    }

    @Override
    public void onPartitionsAssigned(Collection<TopicPartition> partitions) {
        if (partitions.isEmpty()) {
            return;
        }
        loop.history().catchUp(historyTimeout, loop.dispatcher()::learn);
        LOG.info("partitions assigned: {}", partitions);
    }
}
