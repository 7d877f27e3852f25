package io.xenpulse.actuator.execution;

import java.util.Objects;

/**
 * What a node's power (fence) device says about the node right now, with the device's own words.
 *
 * @param power ON, OFF, or UNKNOWN when the device could not be asked or gave no clear answer
 * @param message a one-line explanation from the device or its agent, no secrets
 */
public record PowerStatus(Power power, String message) {

    /** A node's power state as its device reports it (fence agents' {@code status}: 0 on, 2 off). */
    public enum Power { ON, OFF, UNKNOWN }

    public PowerStatus {
        Objects.requireNonNull(power, "power");
        Objects.requireNonNull(message, "message");
    }

    public static PowerStatus on(String message) {
        return new PowerStatus(Power.ON, message);
    }

    public static PowerStatus off(String message) {
        return new PowerStatus(Power.OFF, message);
    }

    public static PowerStatus unknown(String message) {
        return new PowerStatus(Power.UNKNOWN, message);
    }

    public boolean isOff() {
        return power == Power.OFF;
    }
}
