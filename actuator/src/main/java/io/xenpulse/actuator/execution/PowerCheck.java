package io.xenpulse.actuator.execution;

/**
 * Asks a node's power (fence) device whether the node is powered on <em>now</em>. The actuator asks it
 * right before starting a VM whose only proof of being down elsewhere is an earlier fence: a fenced node
 * may have been powered on again since (it rebooted, rejoined and auto-started its VMs), and no result
 * the actuator has seen would say so. Like Masakari and Proxmox HA, the actuator moves a VM only while
 * the device says OFF.
 *
 * <p>Contract for implementations:
 * <ul>
 *   <li>Report OFF only when the device itself says the node is powered off now.</li>
 *   <li>Report UNKNOWN for anything else it cannot tell: no device configured, device unreachable,
 *       login refused, unparseable answer. A thrown exception is taken as UNKNOWN.</li>
 *   <li>Only read the power state: never switch anything.</li>
 *   <li>Honour thread interruption: the actuator interrupts a check that exceeds its timeout.</li>
 *   <li>Never put secrets in the message.</li>
 * </ul>
 */
@FunctionalInterface
public interface PowerCheck {

    PowerStatus powerStatus(String cluster, String node) throws Exception;
}
