package io.xenpulse.probe.daemon;

import io.xenpulse.probe.signals.DaemonProbe;
import io.xenpulse.probe.exec.ToolText;
import io.xenpulse.probe.xen.XmInfo;
import io.xenpulse.schemas.observation.DaemonCheck;
import io.xenpulse.schemas.observation.SourceStatus;
import java.nio.file.Path;
import java.util.Objects;

/**
 * xend, checked two independent ways: its process (pid file and process table, kernel only) and its
 * control path ({@code xm info} answering in time). Together they tell the correlator which kind of
 * trouble it is: process ABSENT with control DOWN is a dead xend, PRESENT with HUNG a wedged one, PRESENT
 * with OK a healthy one, the only case in which an {@code xm list} may prove a domain gone.
 */
public final class XendProbe implements DaemonProbe {

    private final ProcessCheck process;
    private final XmInfo control;

    public XendProbe(ProcessCheck process, XmInfo control) {
        this.process = Objects.requireNonNull(process, "process");
        this.control = Objects.requireNonNull(control, "control");
    }

    /** xend as installed: its pid file under {@code runDir}, its process under {@code procRoot}. */
    public static XendProbe of(Path runDir, Path procRoot, XmInfo control) {
        return new XendProbe(new ProcessCheck(DaemonSpec.XEND, runDir, procRoot), control);
    }

    @Override
    public String daemon() {
        return DaemonSpec.XEND.daemon();
    }

    @Override
    public DaemonCheck check() {
        final ProcessFinding finding = process.check();
        final XmInfo.Answer answer = control.ask();
        // xm's own words first: the schema's detail is "the tool's own message on failure"
        final String detail = answer.status() == SourceStatus.OK ? finding.detail()
                : answer.detail() + "; " + finding.detail();
        return DaemonCheck.newBuilder()
                .setDaemon(daemon())
                .setProcess(finding.state())
                .setControl(answer.status())
                .setLatencyMillis(answer.latencyMillis())
                .setDetail(ToolText.bounded(detail, ToolText.MAX_DETAIL))
                .build();
    }
}
