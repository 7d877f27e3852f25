package io.xenpulse.probe;

import io.xenpulse.schemas.observation.DaemonCheck;
import io.xenpulse.schemas.observation.ProcessState;
import io.xenpulse.schemas.observation.SourceStatus;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;

/** A signal source whose answers a test scripts; once the script is used up it reports a healthy xend. */
final class ScriptedSource implements SignalSource {

    static final NodeSignals HEALTHY = new NodeSignals(List.of(DaemonCheck.newBuilder()
            .setDaemon("xend").setProcess(ProcessState.PRESENT).setControl(SourceStatus.OK).build()), List.of());

    private final Deque<Supplier<Optional<NodeSignals>>> script = new ArrayDeque<>();
    private volatile String bootId = "boot-1";

    ScriptedSource thenThrow(RuntimeException failure) {
        script.add(() -> {
            throw failure;
        });
        return this;
    }

    ScriptedSource thenNothing() {
        script.add(Optional::empty);
        return this;
    }

    void reboot(String newBootId) {
        bootId = newBootId;
    }

    @Override
    public synchronized Optional<NodeSignals> read() {
        final Supplier<Optional<NodeSignals>> next = script.poll();
        return next == null ? Optional.of(HEALTHY) : next.get();
    }

    @Override
    public String bootId() {
        return bootId;
    }
}
