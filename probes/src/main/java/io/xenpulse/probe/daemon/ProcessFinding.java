package io.xenpulse.probe.daemon;

import io.xenpulse.schemas.observation.ProcessState;

/**
 * Whether a daemon's process exists, and how the probe knows.
 *
 * @param detail one bounded line: the pid and where it was found, or what was looked at in vain
 */
public record ProcessFinding(ProcessState state, String detail) {
}
