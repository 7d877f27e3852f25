package io.xenpulse.simulator;

/**
 * The result of an action performed on the simulated cluster, with a message worded like the real tool's
 * output (xm, the xend init script, a fence agent) so timelines read like a real incident.
 */
public record ActionOutcome(boolean succeeded, String message) {

    static ActionOutcome success(String message) {
        return new ActionOutcome(true, message);
    }

    static ActionOutcome failure(String message) {
        return new ActionOutcome(false, message);
    }
}
