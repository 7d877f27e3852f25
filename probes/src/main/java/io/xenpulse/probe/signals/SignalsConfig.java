package io.xenpulse.probe.signals;

import io.xenpulse.probe.exec.ToolRunner;
import io.xenpulse.schemas.config.Settings;
import io.xenpulse.schemas.observation.ListingSource;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Which signals a probe gathers on its node and how, read from environment-style keys. Needs no Kafka
 * settings, so {@code xenpulse probe --once --print} works on a node before the pipeline is configured.
 *
 * <ul>
 *   <li>{@code XENPULSE_SOURCES}: {@code auto} (default: every listing tool found on the node) or a list of
 *       {@code xm,xl,xenstore,virsh}; a listed tool that is missing is reported UNAVAILABLE</li>
 *   <li>{@code XENPULSE_DAEMONS}: daemons whose process is checked (default
 *       {@code xend,xenconsoled,xenstored}, plus {@code libvirtd} when virsh is a source)</li>
 *   <li>{@code XENPULSE_TOOL_TIMEOUT} (3s): the timeout of every tool call, and of a whole xenstore listing;
 *       a cycle waits at most this plus one second, so a hung tool never delays the next 5 s cycle</li>
 *   <li>{@code XENPULSE_TOOL_MAX_OUTPUT} (1 MiB): what is kept of a tool's output</li>
 *   <li>{@code XENPULSE_TOOL_PATH}: where tools are looked up (default {@code PATH} plus {@code /usr/sbin}
 *       and {@code /usr/lib/xen/bin})</li>
 *   <li>{@code XENPULSE_VIRSH_URI}: libvirt URI for virsh (default: virsh's own default)</li>
 *   <li>{@code XENPULSE_PEERS}: {@code name=host:port,...} checked by TCP connect; {@code XENPULSE_PEER_TIMEOUT} (1s)</li>
 *   <li>{@code XENPULSE_PROC_ROOT} (/proc), {@code XENPULSE_RUN_DIR} (/var/run, where pid files live), {@code XENPULSE_BOOT_ID_FILE}
 *       (/proc/sys/kernel/random/boot_id): for tests and unusual hosts</li>
 * </ul>
 */
public record SignalsConfig(
        Optional<Set<ListingSource>> sources,
        List<String> daemons,
        Duration toolTimeout,
        int toolMaxOutput,
        List<Path> toolPath,
        Optional<String> virshUri,
        String peers,
        Duration peerTimeout,
        Path procRoot,
        Path runDir,
        Path bootIdFile) {

    public static final List<String> XEN_DAEMONS = List.of("xend", "xenconsoled", "xenstored");

    /** How long one cycle waits for its checks: every tool has timed out by then. */
    public Duration cycleDeadline() {
        return toolTimeout.plusSeconds(1);
    }

    public static SignalsConfig fromMap(Map<String, String> env) {
        final Settings settings = new Settings(env);
        final Optional<Set<ListingSource>> sources = parseSources(settings.string("XENPULSE_SOURCES", "auto"));
        final List<Path> path = new ArrayList<>(ToolRunner.pathOf(env.get("PATH")));
        path.add(Path.of("/usr/sbin"));
        path.add(Path.of("/usr/lib/xen/bin"));
        return new SignalsConfig(
                sources,
                settings.string("XENPULSE_DAEMONS", "").isEmpty() ? List.of()
                        : List.of(settings.string("XENPULSE_DAEMONS", "").split("\\s*,\\s*")),
                positive(settings.duration("XENPULSE_TOOL_TIMEOUT", Duration.ofSeconds(3)), "XENPULSE_TOOL_TIMEOUT"),
                settings.integer("XENPULSE_TOOL_MAX_OUTPUT", 1 << 20),
                env.containsKey("XENPULSE_TOOL_PATH") ? ToolRunner.pathOf(env.get("XENPULSE_TOOL_PATH"))
                        : List.copyOf(path),
                Optional.ofNullable(settings.string("XENPULSE_VIRSH_URI", null)),
                settings.string("XENPULSE_PEERS", ""),
                positive(settings.duration("XENPULSE_PEER_TIMEOUT", Duration.ofSeconds(1)), "XENPULSE_PEER_TIMEOUT"),
                Path.of(settings.string("XENPULSE_PROC_ROOT", "/proc")),
                Path.of(settings.string("XENPULSE_RUN_DIR", "/var/run")),
                Path.of(settings.string("XENPULSE_BOOT_ID_FILE", BootId.LINUX.toString())));
    }

    /**
     * The daemons to check: configured, or the Xen ones plus libvirtd when virsh is in use. xend only where
     * {@code xm} is a source: an xl-only host has no xend, and reporting it ABSENT would read as an outage.
     */
    public List<String> daemonsFor(Set<ListingSource> enabled) {
        if (!daemons.isEmpty()) {
            return daemons;
        }
        final List<String> defaults = new ArrayList<>(XEN_DAEMONS);
        if (!enabled.contains(ListingSource.XM)) {
            defaults.remove("xend");
        }
        if (enabled.contains(ListingSource.VIRSH)) {
            defaults.add("libvirtd");
        }
        return defaults;
    }

    private static Optional<Set<ListingSource>> parseSources(String text) {
        if (text.equalsIgnoreCase("auto")) {
            return Optional.empty();
        }
        final Set<ListingSource> chosen = EnumSet.noneOf(ListingSource.class);
        for (String name : text.split("\\s*,\\s*")) {
            switch (name.toLowerCase(Locale.ROOT)) {
                case "xm" -> chosen.add(ListingSource.XM);
                case "xl" -> chosen.add(ListingSource.XL);
                case "xenstore" -> chosen.add(ListingSource.XENSTORE);
                case "virsh" -> chosen.add(ListingSource.VIRSH);
                default -> throw new IllegalArgumentException("XENPULSE_SOURCES: unknown source '" + name
                        + "' (expected auto, or a list of xm, xl, xenstore, virsh)");
            }
        }
        return Optional.of(chosen);
    }

    private static Duration positive(Duration duration, String key) {
        if (duration.isZero()) {
            throw new IllegalArgumentException(key + " must be positive");
        }
        return duration;
    }
}
