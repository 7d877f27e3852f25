package io.xenpulse.simulator;

/**
 * Who caused an {@link ActionRecord}: a test or demo injecting a fault, a scheduled operator, an actuator,
 * or the node itself while booting.
 */
public enum ActionOrigin {
    /** Fault injection ({@code stopXend}, {@code crashDomain}, ...). */
    FAULT,
    /** An operator: the {@code service xend restart} after a stop, a live migration, a power-on by hand. */
    OPERATOR,
    /** The action API ({@code restartDaemon}, {@code startDomain}, {@code powerOff}, ...). */
    ACTUATOR,
    /** The node's own boot: the domains of {@code /etc/xen/auto} start without asking anyone. */
    BOOT
}
