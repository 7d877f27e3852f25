package io.xenpulse.correlator.rules;

import io.xenpulse.schemas.observation.DaemonCheck;
import io.xenpulse.schemas.observation.DomainEntry;
import io.xenpulse.schemas.observation.DomainState;
import io.xenpulse.schemas.observation.ListingResult;
import io.xenpulse.schemas.observation.ListingSource;
import io.xenpulse.schemas.observation.NodeObservation;
import io.xenpulse.schemas.observation.PeerCheck;
import io.xenpulse.schemas.observation.ProcessState;
import io.xenpulse.schemas.observation.SourceStatus;
import io.xenpulse.schemas.observation.Toolstack;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/** Builds the observations a probe would publish, in the shapes the tests need. */
final class Observations {

    static final String CLUSTER = "c1";

    private final String node;
    private final long sequence;
    private String bootId = "boot-aaaaaaaa";
    private Instant at = Instant.parse("2026-11-25T10:00:00Z");
    private SourceStatus xendControl = SourceStatus.OK;
    private ProcessState xendProcess = ProcessState.PRESENT;
    private SourceStatus xmStatus = SourceStatus.OK;
    private final List<DomainEntry> xmDomains = new ArrayList<>();
    private final List<DomainEntry> xlDomains = new ArrayList<>();
    private boolean withXl;
    private boolean withXm = true;
    private SourceStatus xlStatus = SourceStatus.OK;
    private Toolstack toolstack = Toolstack.UNDECLARED;
    private boolean replayed;
    private final List<PeerCheck> peers = new ArrayList<>();

    private Observations(String node, long sequence) {
        this.node = node;
        this.sequence = sequence;
        xmDomains.add(domain("Domain-0", DomainState.RUNNING));
    }

    static Observations from(String node, long sequence) {
        return new Observations(node, sequence);
    }

    Observations running(String... vms) {
        for (String vm : vms) {
            xmDomains.add(domain(vm, DomainState.BLOCKED));
        }
        return this;
    }

    /** {@code xm list} shows the domain in live migration ({@code migrating-NAME} on the source). */
    Observations migrating(String vm) {
        xmDomains.add(DomainEntry.newBuilder().setName(vm).setState(DomainState.BLOCKED).setMigrating(true).build());
        return this;
    }

    Observations crashed(String vm) {
        xmDomains.add(domain(vm, DomainState.CRASHED));
        return this;
    }

    /** An xl-only host (Xen 4.5 and later): no xend, no xm; xl lists the domains. */
    Observations xlOnly() {
        withXm = false;
        withXl = true;
        toolstack = Toolstack.XL;
        xlDomains.add(domain("Domain-0", DomainState.RUNNING));
        return this;
    }

    /** {@code xl list} refused (xenstored gone). */
    Observations xlDown() {
        xlStatus = SourceStatus.DOWN;
        xlDomains.clear();
        return this;
    }

    /** The probe predates the toolstack field. */
    Observations undeclaredToolstack() {
        toolstack = Toolstack.UNDECLARED;
        return this;
    }

    /** A host whose probe found no listing tool at all. */
    Observations noListingTool() {
        withXm = false;
        withXl = false;
        toolstack = Toolstack.NONE;
        return this;
    }

    Observations xlRunning(String... vms) {
        withXl = true;
        for (String vm : vms) {
            xlDomains.add(domain(vm, DomainState.RUNNING));
        }
        return this;
    }

    /** xend's process gone: xm info and xm list are refused, as on a real node. */
    Observations xendDown() {
        xendProcess = ProcessState.ABSENT;
        xendControl = SourceStatus.DOWN;
        xmStatus = SourceStatus.DOWN;
        xmDomains.clear();
        return this;
    }

    /** xend present but not answering within the probe's timeout. */
    Observations xendHung() {
        xendControl = SourceStatus.HUNG;
        xmStatus = SourceStatus.HUNG;
        xmDomains.clear();
        return this;
    }

    /** This node's probe reached (or could not reach) {@code peer}. */
    Observations peer(String peer, SourceStatus status) {
        peers.add(PeerCheck.newBuilder().setPeer(peer).setAddress(peer + ":22").setStatus(status).build());
        return this;
    }

    Observations boot(String id) {
        bootId = id;
        return this;
    }

    Observations replayed() {
        replayed = true;
        return this;
    }

    NodeObservation build() {
        final List<ListingResult> listings = new ArrayList<>();
        final List<DaemonCheck> daemons = new ArrayList<>();
        if (withXm) {
            daemons.add(DaemonCheck.newBuilder().setDaemon("xend").setProcess(xendProcess).setControl(xendControl)
                    .build());
            listings.add(ListingResult.newBuilder().setSource(ListingSource.XM).setStatus(xmStatus)
                .setDetail(xmStatus == SourceStatus.DOWN ? "Error: Unable to connect to xend: No such file or directory. Is xend running?" : "")
                .setDomains(xmDomains).build());
        }
        if (withXl) {
            listings.add(ListingResult.newBuilder().setSource(ListingSource.XL).setStatus(xlStatus)
                    .setDomains(xlDomains).build());
        }
        return NodeObservation.newBuilder().setCluster(CLUSTER).setNode(node).setBootId(bootId)
                .setSequence(sequence).setObservedAt(at).setReplayed(replayed)
                .setDaemons(daemons).setToolstack(toolstack)
                .setListings(listings).setPeers(peers).build();
    }

    private static DomainEntry domain(String name, DomainState state) {
        return DomainEntry.newBuilder().setName(name).setState(state).build();
    }
}
