/**
 * Lab target nodes: Debian containers with systemd as PID 1 and sshd, on a user-defined Docker network with
 * fixed addresses, that stand in for the datacenter hosts kubeferry installs onto. Start them with
 * {@link io.kubeferry.lab.node.LabNodes#start(int)}; the image comes from {@code scripts/setup-test-env}.
 *
 * <h2>A node can run a kubelet, a container runtime and a kubeadm control plane</h2>
 * This machine refuses {@code --privileged} and never grants CAP_SYS_RESOURCE. A node gets (see
 * {@code NodeContainers} for the exact flags) every other capability; unconfined seccomp, AppArmor and system
 * paths; its own cgroup namespace; {@code /dev/kmsg} and every device in its device cgroup; a volume each for
 * {@code /var/lib/containerd}, {@code /var/lib/docker} and {@code /var/lib/kubelet}; every node's name in
 * {@code /etc/hosts}. Its entrypoint, {@code kubeferry-node-init}, then
 * <ul>
 *   <li>remounts the read-only cgroup hierarchies read-write (the node's own subtree);</li>
 *   <li>keeps the host's kernel settings out of reach: {@code /proc/sys} is read-only except {@code /proc/sys/net}
 *       (the node's network namespace) and node-private stand-ins for the six settings a kubelet writes at start;</li>
 *   <li>makes {@code /} a shared mount, adds a default route through the lab gateway (the Docker host) and names
 *       the gateway as DNS server in {@code /etc/resolv.conf} (Docker's 127.0.0.11, copied into a CoreDNS pod, is a
 *       forwarding loop).</li>
 * </ul>
 * Debian's containerd and runc are installed, disabled; dockerd is not.
 *
 * <p>Facts of these nodes the installer meets, as it would on a real host with the same limits:
 * <ul>
 *   <li>No process may lower an OOM score: {@code sh -c 'echo -999 > /proc/self/oom_score_adj'} fails. containerd
 *       then needs {@code restrict_oom_score_adj = true} in its CRI configuration, or every pod sandbox fails
 *       ({@code can't get final child's PID from pipe: EOF}). Units with {@code OOMScoreAdjust=} and
 *       {@code Limit*=} (containerd.service, docker.service) still start: systemd skips what it may not apply.</li>
 *   <li>dockerd 20.10 has no such setting and asks for every capability for a privileged container: the image puts
 *       a lab-only {@code runc} wrapper in {@code /usr/local/sbin} that adjusts dockerd's containers (only those)
 *       to the node's limits.</li>
 *   <li>kube-proxy needs {@code conntrack.maxPerCore: 0} ({@code /sys} is read-only; the host's conntrack table
 *       is shared). Bridge netfilter sysctls exist; {@code sysctl -w} works for {@code net.*} and for the kubelet's
 *       six (vm.overcommit_memory, vm.panic_on_oom, kernel.panic, kernel.panic_on_oops, kernel.keys.root_max*),
 *       fails (read-only) for the rest, so {@code systemd-sysctl} skips itself at boot.</li>
 * </ul>
 *
 * <h2>Egress guard</h2>
 * No lab traffic leaves this machine: before the first node starts, {@code EgressGuard} inserts at the top of the
 * host's {@code DOCKER-USER} chain, for the lab network (subnet S, bridge B),
 * {@code -s S ! -d S -j REJECT} and {@code -i B ! -o B -j REJECT} (tagged {@code kubeferry-lab-guard:NETWORK});
 * a lab that cannot install them does not start. They are removed after the network, and rules of networks that
 * no longer exist are removed by the next lab start. Nodes reach the Docker host itself (the gateway, where lab
 * registries and yum servers listen) through INPUT, which the guard does not touch.
 */
package io.kubeferry.lab.node;
