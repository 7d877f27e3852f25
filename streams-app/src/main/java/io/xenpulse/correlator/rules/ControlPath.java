package io.xenpulse.correlator.rules;

/** Health of a node's control path (xend and the {@code xm} listing through it), as one observation shows it. */
public enum ControlPath {
    /** xend's process is present, {@code xm info} answered and {@code xm list} answered. */
    HEALTHY,
    /** xend's process is gone or refused the connection. */
    DOWN,
    /** xend did not answer within the probe's timeout. */
    HUNG,
    /** Not enough signals to tell (not checked, unparseable output). Never read as healthy. */
    UNVERIFIED;

    public boolean isHealthy() {
        return this == HEALTHY;
    }
}
