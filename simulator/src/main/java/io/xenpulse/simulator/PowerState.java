package io.xenpulse.simulator;

/** A simulated node's power, as a fence agent's {@code status} action reports it. */
public enum PowerState {
    ON,
    OFF
}
