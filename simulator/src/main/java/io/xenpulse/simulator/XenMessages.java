package io.xenpulse.simulator;

import java.time.Duration;

/**
 * The wording of the real tools' answers (xm, the xend init script, RHEL's {@code service}, fence agents),
 * so that a simulated incident reads like a real one and parsers written against them can be exercised.
 */
final class XenMessages {

    /** What every xm command prints when xend's socket is gone (Xen 3.x/4.x {@code xm/main.py}). */
    static final String XEND_UNREACHABLE =
            "Error: Unable to connect to xend: No such file or directory. Is xend running?";

    private XenMessages() {
    }

    static String xendTimeout(String command, Duration timeout) {
        return command + ": no answer from xend within " + timeout.toMillis() + " ms";
    }

    static String domainAlreadyExists(String vm, int domainId) {
        return "Error: Domain '" + vm + "' already exists with ID '" + domainId + "'";
    }

    static String domainDoesNotExist(String vm) {
        return "Error: Domain '" + vm + "' does not exist.";
    }

    static String noConfigFile(String vm) {
        return "Error: Unable to open config file: /etc/xen/" + vm;
    }

    static String started(String vm, int domainId) {
        return "Using config file \"/etc/xen/" + vm + "\". Started domain " + vm + " (id=" + domainId + ")";
    }

    static String destroyed(String vm, int domainId) {
        return "Domain " + vm + " (id=" + domainId + ") destroyed";
    }

    static String nodeUnreachable(String node) {
        return "ssh: connect to host " + node + " port 22: No route to host";
    }

    static String daemonRestarted(String daemon) {
        return "Restarting " + daemon + ": [  OK  ]";
    }

    static String daemonRestartFailed(String daemon) {
        return "Restarting " + daemon + ": [FAILED] " + daemon + " did not start (see /var/log/xen/" + daemon
                + ".log)";
    }

    static String unrecognizedService(String daemon) {
        return daemon + ": unrecognized service";
    }
}
