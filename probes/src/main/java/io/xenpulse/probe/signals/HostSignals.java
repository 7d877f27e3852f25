package io.xenpulse.probe.signals;

import io.xenpulse.probe.daemon.DaemonProcessProbe;
import io.xenpulse.probe.daemon.DaemonSpec;
import io.xenpulse.probe.daemon.ProcessCheck;
import io.xenpulse.probe.daemon.XendProbe;
import io.xenpulse.probe.exec.ToolRunner;
import io.xenpulse.probe.libvirt.VirshListing;
import io.xenpulse.probe.peers.TcpPeerProbe;
import io.xenpulse.probe.xen.XlListing;
import io.xenpulse.probe.xen.XmInfo;
import io.xenpulse.probe.xen.XmListing;
import io.xenpulse.probe.xenstore.XenstoreListing;
import io.xenpulse.schemas.observation.ListingSource;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Builds the signal sources of the host the probe runs on from its {@link SignalsConfig}: the listing tools
 * (configured, or auto-detected on the search path), the daemon checks, and the peer checks.
 */
public final class HostSignals {

    private static final Logger LOG = LoggerFactory.getLogger(HostSignals.class);

    private final SignalsConfig config;
    private final ToolRunner runner;
    private final Set<ListingSource> enabled;

    public HostSignals(SignalsConfig config) {
        this.config = config;
        this.runner = new ToolRunner(config.toolPath(), config.toolMaxOutput());
        this.enabled = enabledSources();
    }

    public HostSignalSource source() {
        LOG.info("probing with listings {} and daemons {}", enabled, config.daemonsFor(enabled));
        return new HostSignalSource(daemonProbes(), listingProbes(), peerProbe(),
                new BootId(config.bootIdFile()), config.cycleDeadline());
    }

    /** The cheap checks (process table and pid files only) of the same daemons, for change detection. */
    public List<ProcessCheck> processChecks() {
        return config.daemonsFor(enabled).stream()
                .map(name -> new ProcessCheck(spec(name), config.runDir(), config.procRoot()))
                .toList();
    }

    /** Configured sources, or every one whose tools are installed (looked up once). */
    private Set<ListingSource> enabledSources() {
        return config.sources().orElseGet(() -> {
            final Set<ListingSource> found = EnumSet.noneOf(ListingSource.class);
            if (runner.locate("xm").isPresent()) {
                found.add(ListingSource.XM);
            }
            if (runner.locate("xl").isPresent()) {
                found.add(ListingSource.XL);
            }
            if (runner.locate("xenstore-list").isPresent() && runner.locate("xenstore-read").isPresent()) {
                found.add(ListingSource.XENSTORE);
            }
            if (runner.locate("virsh").isPresent()) {
                found.add(ListingSource.VIRSH);
            }
            return found;
        });
    }

    private List<ListingProbe> listingProbes() {
        return enabled.stream().<ListingProbe>map(source -> switch (source) {
            case XM -> new XmListing(runner, config.toolTimeout());
            case XL -> new XlListing(runner, config.toolTimeout());
            case XENSTORE -> new XenstoreListing(runner, config.toolTimeout(), config.toolTimeout(),
                    XenstoreListing.DEFAULT_MAX_DOMAINS);
            case VIRSH -> new VirshListing(runner, config.virshUri(), config.toolTimeout());
            case OTHER -> throw new IllegalArgumentException("no listing tool for source OTHER");
        }).toList();
    }

    private List<DaemonProbe> daemonProbes() {
        return config.daemonsFor(enabled).stream().<DaemonProbe>map(name -> {
            final DaemonSpec spec = spec(name);
            if (spec.equals(DaemonSpec.XEND)) {
                return XendProbe.of(config.runDir(), config.procRoot(), new XmInfo(runner, config.toolTimeout()));
            }
            return DaemonProcessProbe.of(spec, config.runDir(), config.procRoot());
        }).toList();
    }

    private Optional<PeerProbe> peerProbe() {
        if (config.peers().isBlank()) {
            return Optional.empty();
        }
        return Optional.of(TcpPeerProbe.fromSpec(config.peers(), config.peerTimeout()));
    }

    private static DaemonSpec spec(String name) {
        return DaemonSpec.named(name).orElseThrow(() -> new IllegalArgumentException("XENPULSE_DAEMONS: unknown"
                + " daemon '" + name + "' (known: xend, xenconsoled, xenstored, libvirtd)"));
    }
}
