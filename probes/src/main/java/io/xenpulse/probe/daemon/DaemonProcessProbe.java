package io.xenpulse.probe.daemon;

import io.xenpulse.probe.signals.DaemonProbe;
import io.xenpulse.schemas.observation.DaemonCheck;
import io.xenpulse.schemas.observation.SourceStatus;
import java.nio.file.Path;
import java.util.Objects;

/**
 * A daemon checked by its process alone (xenconsoled, xenstored, libvirtd): the control path is
 * NOT_CHECKED, because these daemons have no cheap "do you answer" call of their own; their health shows
 * in the listings that go through them (xenstore, virsh).
 */
public final class DaemonProcessProbe implements DaemonProbe {

    private final ProcessCheck process;

    public DaemonProcessProbe(ProcessCheck process) {
        this.process = Objects.requireNonNull(process, "process");
    }

    /** {@code spec}'s daemon as installed: pid files under {@code runDir}, processes under {@code procRoot}. */
    public static DaemonProcessProbe of(DaemonSpec spec, Path runDir, Path procRoot) {
        return new DaemonProcessProbe(new ProcessCheck(spec, runDir, procRoot));
    }

    @Override
    public String daemon() {
        return process.spec().daemon();
    }

    @Override
    public DaemonCheck check() {
        final long start = System.nanoTime();
        final ProcessFinding finding = process.check();
        return DaemonCheck.newBuilder()
                .setDaemon(daemon())
                .setProcess(finding.state())
                .setControl(SourceStatus.NOT_CHECKED)
                .setLatencyMillis((System.nanoTime() - start) / 1_000_000)
                .setDetail(finding.detail())
                .build();
    }
}
