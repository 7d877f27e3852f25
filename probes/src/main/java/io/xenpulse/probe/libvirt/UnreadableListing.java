package io.xenpulse.probe.libvirt;

/** The output of {@code virsh list} is not the table it should be; the message says what was wrong. */
final class UnreadableListing extends Exception {

    private static final long serialVersionUID = 1L;

    UnreadableListing(String reason) {
        super(reason, null, false, false);
    }
}
