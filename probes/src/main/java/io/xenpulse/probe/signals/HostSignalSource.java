package io.xenpulse.probe.signals;

import io.xenpulse.probe.NodeSignals;
import io.xenpulse.probe.SignalSource;
import io.xenpulse.schemas.observation.DaemonCheck;
import io.xenpulse.schemas.observation.ListingResult;
import io.xenpulse.schemas.observation.PeerCheck;
import io.xenpulse.schemas.observation.ProcessState;
import io.xenpulse.schemas.observation.SourceStatus;
import io.xenpulse.schemas.observation.Toolstack;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Function;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The signals of the Xen host the probe runs on: every daemon check, listing and peer check of one cycle
 * runs in parallel, so a hung {@code xm list} delays neither {@code xl list} nor xenstore. A check still
 * running at the cycle's deadline is reported HUNG and left to finish on its own; while it runs, that check
 * is not started again (a wedged xend must not collect a pile of {@code xm} processes).
 */
public final class HostSignalSource implements SignalSource, AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(HostSignalSource.class);

    private final List<DaemonProbe> daemons;
    private final List<ListingProbe> listings;
    private final Toolstack toolstack;
    private final Optional<PeerProbe> peers;
    private final BootId bootId;
    private final Duration cycleDeadline;
    private final ExecutorService workers;
    private final InFlight inFlight = new InFlight();

    /** @param toolstack what the node runs, judged once from the listing tools found ({@link HostToolstack}) */
    public HostSignalSource(List<DaemonProbe> daemons, List<ListingProbe> listings, Toolstack toolstack,
            Optional<PeerProbe> peers, BootId bootId, Duration cycleDeadline) {
        this.daemons = List.copyOf(daemons);
        this.listings = List.copyOf(listings);
        this.toolstack = toolstack;
        this.peers = peers;
        this.bootId = bootId;
        this.cycleDeadline = cycleDeadline;
        this.workers = Executors.newCachedThreadPool(runnable -> {
            final Thread thread = new Thread(runnable, "xenpulse-probe-check");
            thread.setDaemon(true);
            return thread;
        });
    }

    @Override
    public Optional<NodeSignals> read() {
        final long deadline = System.nanoTime() + cycleDeadline.toNanos();
        final List<Pending<DaemonCheck>> daemonChecks = new ArrayList<>();
        daemons.forEach(d -> daemonChecks.add(start("daemon:" + d.daemon(), d::check,
                late -> daemonFailure(d, SourceStatus.HUNG, late, "check still running (earlier cycle or past the cycle deadline)"),
                broken -> daemonFailure(d, SourceStatus.PARSE_ERROR, Duration.ZERO, "internal error: " + broken))));
        final List<Pending<ListingResult>> listingChecks = new ArrayList<>();
        listings.forEach(l -> listingChecks.add(start("listing:" + l.source(), l::list,
                late -> listingFailure(l, SourceStatus.HUNG, late, "listing still running (earlier cycle or past the cycle deadline)"),
                broken -> listingFailure(l, SourceStatus.PARSE_ERROR, Duration.ZERO, "internal error: " + broken))));
        final Optional<Pending<List<PeerCheck>>> peerChecks = peers.map(p -> start("peers", p::check,
                late -> List.of(), broken -> List.of()));
        return Optional.of(new NodeSignals(
                daemonChecks.stream().map(p -> p.await(deadline)).toList(),
                listingChecks.stream().map(p -> p.await(deadline)).toList(),
                peerChecks.map(p -> p.await(deadline)).orElse(List.of())));
    }

    @Override
    public String bootId() {
        return bootId.read();
    }

    @Override
    public Toolstack toolstack() {
        return toolstack;
    }

    @Override
    public void close() {
        workers.shutdownNow();
    }

    /**
     * Starts one check. {@code whenBroken} covers a check that breaks its never-throw contract: one faulty
     * source must cost its own result, not the whole observation (a node without observations looks dead).
     */
    private <T> Pending<T> start(String key, Supplier<T> check, Function<Duration, T> whenLate,
            Function<String, T> whenBroken) {
        if (!inFlight.claim(key)) {
            return new Pending<>(null, whenLate.apply(Duration.ZERO), whenBroken, key);
        }
        final Future<T> future = workers.submit(() -> {
            try {
                return check.get();
            } finally {
                inFlight.release(key);
            }
        });
        return new Pending<>(future, whenLate.apply(cycleDeadline), whenBroken, key);
    }

    private static DaemonCheck daemonFailure(DaemonProbe probe, SourceStatus status, Duration waited, String why) {
        return DaemonCheck.newBuilder().setDaemon(probe.daemon()).setProcess(ProcessState.UNKNOWN)
                .setControl(status).setLatencyMillis(waited.toMillis()).setDetail(bounded(why)).build();
    }

    private static ListingResult listingFailure(ListingProbe probe, SourceStatus status, Duration waited, String why) {
        return ListingResult.newBuilder().setSource(probe.source()).setStatus(status)
                .setLatencyMillis(waited.toMillis()).setDetail(bounded(why)).build();
    }

    private static String bounded(String text) {
        return text.length() <= 300 ? text : text.substring(0, 300);
    }

    /** A check started for this cycle, and what to report if it does not finish in time or breaks. */
    private record Pending<T>(Future<T> future, T ifLate, Function<String, T> whenBroken, String key) {

        T await(long deadlineNanos) {
            if (future == null) {
                return ifLate;
            }
            try {
                return future.get(Math.max(0, deadlineNanos - System.nanoTime()), TimeUnit.NANOSECONDS);
            } catch (TimeoutException e) {
                return ifLate; // it keeps running; InFlight stops it from being started again meanwhile
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return ifLate;
            } catch (ExecutionException e) {
                LOG.error("check {} broke its contract and threw; reported as PARSE_ERROR", key, e.getCause());
                return whenBroken.apply(String.valueOf(e.getCause()));
            }
        }
    }
}
