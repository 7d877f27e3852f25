package io.xenpulse.demo;

import io.xenpulse.probe.NodeSignals;
import io.xenpulse.probe.SignalSource;
import io.xenpulse.simulator.SimulatedNode;
import java.util.Optional;

/** Lets a probe observe a simulated node as it would a real dom0: nothing at all while it is powered off. */
final class SimulatedNodeSignals implements SignalSource {

    private final SimulatedNode node;

    SimulatedNodeSignals(SimulatedNode node) {
        this.node = node;
    }

    @Override
    public Optional<NodeSignals> read() {
        return node.readSignals().map(s -> new NodeSignals(s.daemons(), s.listings()));
    }

    @Override
    public String bootId() {
        return node.bootId();
    }
}
