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
import io.xenpulse.schemas.observation.Toolstack;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Builds the signal sources of the host the probe runs on from its {@link SignalsConfig}: the listing tools
 * (configured, or auto-detected on the search path), the daemon checks, the peer checks, and the
 * {@link HostToolstack} judged from the listing tools actually found.
 */
public final class HostSignals {

    private static final Logger LOG = LoggerFactory.getLogger(HostSignals.class);

    private final SignalsConfig config;
    private final ToolRunner runner;
    private final Set<ListingSource> enabled;
    private final Toolstack toolstack;

    public HostSignals(SignalsConfig config) {
        this.config = config;
        this.runner = new ToolRunner(config.toolPath(), config.toolMaxOutput());
        // Tools are looked up once: a configured source whose tool is missing is still listed (as UNAVAILABLE)
        // but says nothing about the toolstack, so a node configured for xm without xm is not judged on xend.
        final Set<ListingSource> installed = installed(config.sources().orElse(EnumSet.allOf(ListingSource.class)));
        this.enabled = config.sources().orElse(installed);
        this.toolstack = HostToolstack.from(installed);
    }

    public HostSignalSource source() {
        LOG.info("probing with listings {} and daemons {}: toolstack {}", enabled, config.daemonsFor(enabled),
                toolstack);
        if (toolstack == Toolstack.NONE) {
            LOG.warn("no usable listing source: {} not found on the tool path {} (XENPULSE_SOURCES={}); reporting"
                    + " toolstack NONE, a configuration problem. Install the node's toolstack, or point"
                    + " XENPULSE_SOURCES and XENPULSE_TOOL_PATH at it", missingTools(), config.toolPath(),
                    sourcesSetting());
        }
        return new HostSignalSource(daemonProbes(), listingProbes(), toolstack, peerProbe(),
                new BootId(config.bootIdFile()), config.cycleDeadline());
    }

    /** The cheap checks (process table and pid files only) of the same daemons, for change detection. */
    public List<ProcessCheck> processChecks() {
        return config.daemonsFor(enabled).stream()
                .map(name -> new ProcessCheck(spec(name), config.runDir(), config.procRoot()))
                .toList();
    }

    /** Those of {@code sources} whose tools are all on the tool path. */
    private Set<ListingSource> installed(Set<ListingSource> sources) {
        return sources.stream()
                .filter(source -> !toolsOf(source).isEmpty()
                        && toolsOf(source).stream().allMatch(tool -> runner.locate(tool).isPresent()))
                .collect(Collectors.toCollection(() -> EnumSet.noneOf(ListingSource.class)));
    }

    private List<String> missingTools() {
        return config.sources().orElse(EnumSet.allOf(ListingSource.class)).stream()
                .flatMap(source -> toolsOf(source).stream())
                .filter(tool -> runner.locate(tool).isEmpty())
                .toList();
    }

    private String sourcesSetting() {
        return config.sources().map(sources -> sources.stream().map(s -> s.name().toLowerCase(Locale.ROOT))
                .collect(Collectors.joining(","))).orElse("auto");
    }

    private static List<String> toolsOf(ListingSource source) {
        return switch (source) {
            case XM -> List.of("xm");
            case XL -> List.of("xl");
            case XENSTORE -> List.of("xenstore-list", "xenstore-read");
            case VIRSH -> List.of("virsh");
            case OTHER -> List.of();
        };
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
