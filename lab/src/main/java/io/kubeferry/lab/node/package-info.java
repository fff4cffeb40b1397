/**
 * Lab target nodes: Debian containers with systemd as PID 1 and sshd, on a user-defined Docker network with
 * fixed addresses, that stand in for the datacenter hosts kubeferry installs onto. Start them with
 * {@link io.kubeferry.lab.node.LabNodes#start(int)}; the image comes from {@code scripts/setup-test-env}.
 */
package io.kubeferry.lab.node;
