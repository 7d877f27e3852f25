package io.xenpulse.probe.signals;

import io.xenpulse.schemas.observation.DaemonCheck;

/** Checks one control daemon (xend, xenconsoled, xenstored, libvirtd). Never throws. */
public interface DaemonProbe {

    String daemon();

    DaemonCheck check();
}
