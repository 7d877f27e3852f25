package io.xenpulse.actuator.admission;

import java.util.List;
import java.util.Objects;

/** What {@link StartPrecondition} found about a command that may start a VM. */
public sealed interface StartProof {

    /**
     * The VM is proven down wherever it may run. On {@code fencedNodes} (sorted) the proof is a fence
     * only, which holds just while those nodes' power devices still say OFF: the caller must ask them.
     */
    record Proven(List<String> fencedNodes) implements StartProof {
        public Proven {
            fencedNodes = List.copyOf(fencedNodes);
        }
    }

    /** The VM may still run somewhere; the reason names the node. */
    record Unproven(String reason) implements StartProof {
        public Unproven {
            Objects.requireNonNull(reason, "reason");
        }
    }
}
