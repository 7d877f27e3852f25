package io.xenpulse.probe.signals;

import io.xenpulse.schemas.observation.ListingSource;
import io.xenpulse.schemas.observation.Toolstack;
import java.util.Set;

/**
 * Which toolstack a node runs, judged from the listing tools the probe found usable on it. The correlator
 * judges, restarts and escalates on that toolstack's control daemon only, so the choice errs towards the
 * daemon the node really has:
 *
 * <ul>
 *   <li>XM when {@code xm} is usable: xend is the control daemon (classic Xen);</li>
 *   <li>else XL when {@code xl} or xenstore is usable: libxl and xenstored, no xend (Xen 4.5 and later);</li>
 *   <li>else LIBVIRT when {@code virsh} is usable: libvirtd;</li>
 *   <li>else NONE: no usable listing tool, a configuration problem and never a failing daemon.</li>
 * </ul>
 */
public final class HostToolstack {

    private HostToolstack() {
    }

    /** The toolstack of a node whose usable listing sources are {@code usable} (found on the tool path). */
    public static Toolstack from(Set<ListingSource> usable) {
        if (usable.contains(ListingSource.XM)) {
            return Toolstack.XM;
        }
        if (usable.contains(ListingSource.XL) || usable.contains(ListingSource.XENSTORE)) {
            return Toolstack.XL;
        }
        if (usable.contains(ListingSource.VIRSH)) {
            return Toolstack.LIBVIRT;
        }
        return Toolstack.NONE;
    }
}
