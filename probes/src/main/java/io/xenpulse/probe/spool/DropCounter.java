package io.xenpulse.probe.spool;

import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Counts the observations the spool gave up on and says so in the log: a warning for the first drop and then
 * at most one a minute summing up the drops since the last one (at the size limit a long outage drops one
 * record per probe cycle, and a warning every five seconds would bury everything else).
 */
final class DropCounter {

    private static final Logger LOG = LoggerFactory.getLogger(DropCounter.class);
    private static final long WARN_EVERY_NANOS = TimeUnit.MINUTES.toNanos(1);

    private final String spool;
    private final AtomicLong total = new AtomicLong();
    private long unreported;
    private long lastWarnNanos;
    private boolean warned;

    DropCounter(String spool) {
        this.spool = spool;
    }

    /** Records a batch of {@code count} drops for {@code reason} (e.g. "the 256 MiB size limit"). */
    synchronized void dropped(long count, String reason) {
        if (count <= 0) {
            return;
        }
        final long sum = total.addAndGet(count);
        unreported += count;
        final long now = System.nanoTime();
        if (!warned || now - lastWarnNanos >= WARN_EVERY_NANOS) {
            LOG.warn("spool {}: dropped {} undelivered observation(s), the latest because of {}; {} dropped since"
                    + " start", spool, unreported, reason, sum);
            warned = true;
            lastWarnNanos = now;
            unreported = 0;
        } else {
            LOG.debug("spool {}: dropped {} undelivered observation(s) because of {}", spool, count, reason);
        }
    }

    long total() {
        return total.get();
    }
}
