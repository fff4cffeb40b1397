package io.kubeferry.lab.node;

import com.github.dockerjava.api.DockerClient;
import com.github.dockerjava.api.model.AccessMode;
import com.github.dockerjava.api.model.Bind;
import com.github.dockerjava.api.model.Capability;
import com.github.dockerjava.api.model.Device;
import com.github.dockerjava.api.model.HostConfig;
import com.github.dockerjava.api.model.Mount;
import com.github.dockerjava.api.model.MountType;
import com.github.dockerjava.api.model.Volume;
import com.github.dockerjava.api.model.VolumeOptions;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * Creates and starts the node containers of one lab, each able to run a kubelet, a container runtime and a kubeadm
 * control plane, never pulling the image. What {@code docker run} would need for it:
 *
 * <pre>
 * --cap-add ALL --cap-drop SYS_RESOURCE          every capability this machine grants (it refuses --privileged)
 * --security-opt seccomp=unconfined --security-opt apparmor=unconfined
 * --security-opt systempaths=unconfined          /proc/sys writable (kubelet, kube-proxy sysctls), nothing masked
 * --cgroupns=private                             the node's own cgroup tree; kubeferry-node-init remounts it rw
 * --device /dev/kmsg --device-cgroup-rule 'a *:* rwm'   kubelet's OOM watcher; privileged pods' devices.allow
 * --tmpfs /run --tmpfs /run/lock --tmpfs /tmp
 * -v /lib/modules:/lib/modules:ro                (when the host has it) modprobe of overlay, br_netfilter
 * a volume each for /var/lib/containerd, /var/lib/docker, /var/lib/kubelet   (overlayfs cannot stack on the
 *                                                node's own overlay root; removed with the node)
 * -e KUBEFERRY_LAB_GATEWAY=172.30.X.1            the node's default route, rejected beyond the lab by EgressGuard
 * -e KUBEFERRY_LAB_NAMESERVER=172.30.X.1         /etc/resolv.conf names the Docker host, not Docker's 127.0.0.11 (a
 *                                                loopback address is a forwarding loop for CoreDNS); nothing answers
 *                                                there yet, so names other than the nodes' fail at once
 * --add-host node1:172.30.X.10 ...               every node's name in /etc/hosts
 * --dns 172.30.X.1                               what Docker's own DNS still asks, never a server beyond the lab
 * --stop-signal SIGRTMIN+3 --hostname nodeN --network LAB --ip 172.30.X.(9+N) --network-alias nodeN
 * </pre>
 */
final class NodeContainers {
  private static final int PARALLEL = 4;
  /** Node directories that hold overlay mounts or big state: on a volume of their own, not on the image's layers. */
  static final List<String> VOLUMES = List.of("/var/lib/containerd", "/var/lib/docker", "/var/lib/kubelet");
  private static final Path HOST_MODULES = Path.of("/lib/modules");
  private final DockerClient docker;
  private final LabNodeImage image;
  private final LabNetwork network;
  private final Map<String, String> labels;
  private final String namePrefix;

  NodeContainers(DockerClient docker, LabNodeImage image, LabNetwork network, Map<String, String> labels,
      String namePrefix) {
    this.docker = docker;
    this.image = image;
    this.network = network;
    this.labels = labels;
    this.namePrefix = namePrefix;
  }

  /**
   * Starts {@code node1..nodeN} a few at a time (container creation is the slow part of a lab start).
   * On failure the containers already made stay behind for the caller's {@link LabTeardown}, which finds
   * them by label.
   */
  List<LabNode> startAll(int n, Path privateKey, Path knownHosts) {
    List<String> hosts = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      hosts.add("node" + (i + 1) + ":" + network.address(i));
    }
    ExecutorService pool = Executors.newFixedThreadPool(Math.min(n, PARALLEL), runnable -> {
      Thread thread = new Thread(runnable, "kubeferry-lab-node-start");
      thread.setDaemon(true);
      return thread;
    });
    try {
      List<Future<LabNode>> started = new ArrayList<>();
      for (int i = 0; i < n; i++) {
        int index = i;
        started.add(pool.submit(() -> start(index, hosts, privateKey, knownHosts)));
      }
      List<LabNode> nodes = new ArrayList<>();
      for (Future<LabNode> future : started) {
        nodes.add(future.get());
      }
      return nodes;
    } catch (ExecutionException e) {
      Throwable cause = e.getCause();
      throw cause instanceof LabNodeException labError ? labError
          : new LabNodeException("could not start a lab node container: " + cause.getMessage(), cause);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new LabNodeException("interrupted while starting lab node containers", e);
    } finally {
      pool.shutdownNow();
    }
  }

  private LabNode start(int index, List<String> hosts, Path privateKey, Path knownHosts) {
    String hostname = "node" + (index + 1);
    String name = namePrefix + hostname;
    String address = network.address(index);
    List<Mount> volumes = new ArrayList<>();
    for (String dir : VOLUMES) {
      // Anonymous (removed with the container) and labelled (found and removed if a killed JVM left it behind).
      volumes.add(new Mount().withType(MountType.VOLUME).withTarget(dir)
          .withVolumeOptions(new VolumeOptions().withLabels(labels)));
    }
    List<Bind> binds = new ArrayList<>();
    if (Files.isDirectory(HOST_MODULES)) {
      binds.add(new Bind(HOST_MODULES.toString(), new Volume(HOST_MODULES.toString()), AccessMode.ro));
    }
    HostConfig host = new NodeHostConfig()
        .withNetworkMode(network.name())
        .withDns(network.gateway())
        .withExtraHosts(hosts.toArray(String[]::new))
        .withCapAdd(Capability.ALL)
        .withCapDrop(Capability.SYS_RESOURCE)
        .withSecurityOpts(List.of("seccomp=unconfined", "apparmor=unconfined"))
        .withCgroupnsMode("private")
        .withDevices(new Device("rwm", "/dev/kmsg", "/dev/kmsg"))
        .withDeviceCgroupRules(List.of("a *:* rwm"))
        .withTmpFs(Map.of("/run", "rw,nosuid,nodev,exec,mode=755", "/run/lock", "rw,nosuid,nodev,noexec",
            "/tmp", "rw,nosuid,nodev,exec,mode=1777"))
        .withBinds(binds)
        .withMounts(volumes);
    String id = docker.createContainerCmd(image.name())
        .withName(name)
        .withHostName(hostname)
        .withLabels(labels)
        .withEnv("KUBEFERRY_LAB_GATEWAY=" + network.gateway(), "KUBEFERRY_LAB_NAMESERVER=" + network.gateway())
        // systemd halts cleanly on SIGRTMIN+3; on SIGTERM it would re-execute itself and time out.
        .withStopSignal("SIGRTMIN+3")
        .withHostConfig(host)
        .withIpv4Address(address)
        .withAliases(hostname)
        .exec()
        .getId();
    docker.startContainerCmd(id).exec();
    return new LabNode(docker, id, name, hostname, address, privateKey, knownHosts);
  }
}
