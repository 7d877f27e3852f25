package io.xenpulse.simulator;

/** Who caused an {@link ActionRecord}: a test or demo injecting a fault, a scheduled operator, or an actuator. */
public enum ActionOrigin {
    /** Fault injection ({@code stopXend}, {@code crashDomain}, ...). */
    FAULT,
    /** An operator acting on a schedule set by a fault (the {@code service xend restart} after a stop). */
    OPERATOR,
    /** The action API ({@code restartDaemon}, {@code startDomain}, {@code powerOff}, ...). */
    ACTUATOR
}
