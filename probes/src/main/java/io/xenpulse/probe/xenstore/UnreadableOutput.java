package io.xenpulse.probe.xenstore;

/** A xenstore tool answered with something that is not what it prints; the message says what was wrong. */
final class UnreadableOutput extends Exception {

    private static final long serialVersionUID = 1L;

    UnreadableOutput(String reason) {
        super(reason, null, false, false);
    }
}
