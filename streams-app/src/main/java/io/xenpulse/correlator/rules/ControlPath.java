package io.xenpulse.correlator.rules;

/**
 * Health of a node's control path (its toolstack's daemon and the listing through it: xend and {@code xm} on
 * classic Xen, xenstored and {@code xl} on xl-only hosts, libvirtd and {@code virsh}), as one observation shows it.
 */
public enum ControlPath {
    /** The daemon's process is present and its control check and listing answered. */
    HEALTHY,
    /** The daemon's process is gone or refused the connection. */
    DOWN,
    /** The daemon did not answer within the probe's timeout. */
    HUNG,
    /** Not enough signals to tell (not checked, unparseable output). Never read as healthy. */
    UNVERIFIED;

    public boolean isHealthy() {
        return this == HEALTHY;
    }
}
