package io.xenpulse.probe.libvirt;

import io.xenpulse.probe.exec.ToolFailure;
import io.xenpulse.probe.exec.ToolResult;
import io.xenpulse.probe.exec.ToolRunner;
import io.xenpulse.probe.exec.ToolText;
import io.xenpulse.probe.signals.ListingProbe;
import io.xenpulse.schemas.observation.DomainEntry;
import io.xenpulse.schemas.observation.ListingResult;
import io.xenpulse.schemas.observation.ListingSource;
import io.xenpulse.schemas.observation.SourceStatus;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The domains libvirt knows on this node, from {@code virsh --readonly [--connect URI] list --all}: a path to
 * the hypervisor through libvirtd, independent of xend. OK with every domain and its normalised state
 * (inactive domains included, with no id); DOWN with libvirt's own message when virsh cannot connect
 * (libvirtd stopped, socket missing, connection refused); HUNG when virsh does not answer in time (its process
 * tree is killed); PARSE_ERROR when the output is not the table; UNAVAILABLE when virsh is not installed.
 *
 * <p>The connection is read-only: the probe only looks. virsh runs in the C.UTF-8 locale with LANGUAGE unset:
 * in plain C it prints a non-ASCII domain name as {@code \xff} escapes that lose the name, and LANGUAGE
 * would translate the state column. A host without C.UTF-8 falls back to C and such names stay escaped.
 */
public final class VirshListing implements ListingProbe {

    static final String TOOL = "virsh";
    private static final String CALL = TOOL + " list";
    private static final Logger LOG = LoggerFactory.getLogger(VirshListing.class);
    /** Over the runner's LC_ALL=C: see the class comment. */
    private static final Map<String, String> LOCALE = locale();

    private final ToolRunner runner;
    private final Optional<String> uri;
    private final Duration timeout;
    private volatile SourceStatus lastStatus;

    /**
     * @param uri the libvirt URI ({@code xen:///system}, {@code qemu:///system}, {@code test:///default});
     *            empty for virsh's own default
     * @param timeout how long virsh may take before the listing is HUNG
     */
    public VirshListing(ToolRunner runner, Optional<String> uri, Duration timeout) {
        this.runner = runner;
        this.uri = uri.map(String::strip).filter(u -> !u.isEmpty());
        this.timeout = timeout;
    }

    @Override
    public ListingSource source() {
        return ListingSource.VIRSH;
    }

    @Override
    public ListingResult list() {
        final ListingResult result = interpret(runner.run(command(), timeout, LOCALE));
        logChange(result);
        return result;
    }

    /** The argument array: never a shell, so the URI and every domain name stay data. */
    private List<String> command() {
        final List<String> argv = new ArrayList<>();
        argv.add(TOOL);
        argv.add("--readonly");
        uri.ifPresent(u -> argv.addAll(List.of("--connect", u)));
        argv.addAll(List.of("list", "--all"));
        return List.copyOf(argv);
    }

    private ListingResult interpret(ToolResult run) {
        final Optional<ToolFailure> failure = ToolFailure.of(CALL, run, timeout);
        if (failure.isPresent()) {
            return result(failure.get().status(), run.elapsed(), failure.get().detail(), List.of());
        }
        final ToolResult.Completed done = (ToolResult.Completed) run;
        if (done.truncated()) {
            return unreadable(done, "output longer than the probe keeps");
        }
        try {
            return result(SourceStatus.OK, run.elapsed(), "", VirshTable.parse(done.stdout()));
        } catch (UnreadableListing e) {
            return unreadable(done, e.getMessage());
        }
    }

    private ListingResult unreadable(ToolResult.Completed done, String reason) {
        LOG.warn("virsh list output unreadable ({}); it begins: {}", reason, ToolText.sample(done.stdout()));
        return result(SourceStatus.PARSE_ERROR, done.elapsed(), "virsh list output unreadable: " + reason, List.of());
    }

    private static Map<String, String> locale() {
        final Map<String, String> env = new HashMap<>();
        env.put("LC_ALL", "C.UTF-8");
        env.put("LANGUAGE", null);
        return Collections.unmodifiableMap(env);
    }

    private static ListingResult result(SourceStatus status, Duration took, String detail, List<DomainEntry> domains) {
        return ListingResult.newBuilder()
                .setSource(ListingSource.VIRSH)
                .setStatus(status)
                .setLatencyMillis(took.toMillis())
                .setDetail(ToolText.bounded(detail, ToolText.MAX_DETAIL))
                .setDomains(domains)
                .build();
    }

    private void logChange(ListingResult result) {
        final SourceStatus previous = lastStatus;
        lastStatus = result.getStatus();
        if (previous != result.getStatus() && result.getStatus() != SourceStatus.PARSE_ERROR) {
            LOG.info("virsh listing is {} ({} domains){}", result.getStatus(), result.getDomains().size(),
                    result.getDetail().isEmpty() ? "" : ": " + result.getDetail());
        }
    }
}
