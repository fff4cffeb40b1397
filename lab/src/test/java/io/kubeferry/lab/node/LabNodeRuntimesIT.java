package io.kubeferry.lab.node;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.io.TempDir;

/**
 * A lab node can host what a kubelet node runs: its own writable cgroup tree, /dev/kmsg, writable sysctls, a shared
 * root mount, a default route, runtime state on volumes; containerd and the Docker host's own dockerd run nested
 * containers in it (privileged ones too). The image is a local FROM-scratch image holding the host's static tini.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class LabNodeRuntimesIT {
  private static final String IMAGE = "kubeferry-lab-tiny:it";
  private static final String CTR_IMAGE = "docker.io/library/" + IMAGE;
  private static final Path TINI = Path.of("/usr/bin/tini-static");

  private static LabNodes lab;
  private static LabNode node;

  @BeforeAll
  static void startNodeWithATinyImage(@TempDir Path dir) throws Exception {
    lab = LabNodes.start(1);
    node = lab.nodes().get(0);
    System.out.printf("LabNodeRuntimesIT: 1 lab node up in %d ms%n", lab.startupTime().toMillis());
    if (Files.isExecutable(TINI)) {
      Files.copy(TINI, dir.resolve("tini"));
      Files.writeString(dir.resolve("Dockerfile"), "FROM scratch\nCOPY tini /tini\nENTRYPOINT [\"/tini\"]\n");
      ok(LabNodesLifecycleIT.docker("build", "-q", "-t", IMAGE, dir.toString()));
      ok(LabNodesLifecycleIT.docker("save", "-o", dir.resolve("tiny.tar").toString(), IMAGE));
      ok(LabNodesLifecycleIT.docker("cp", dir.resolve("tiny.tar").toString(),
          node.containerName() + ":/root/tiny.tar"));
    }
  }

  @AfterAll
  static void stopLab() throws Exception {
    if (lab != null) {
      lab.close();
    }
    LabNodesLifecycleIT.docker("image", "rm", IMAGE);
  }

  @Test
  @Order(1)
  void theNodeHasItsOwnWritableCgroupTree() {
    String self = sh("cat /proc/1/cgroup");
    assertTrue(self.lines().anyMatch(l -> l.matches("\\d+:(name=systemd)?:/init\\.scope")), self);
    assertTrue(self.lines().noneMatch(l -> l.contains("/docker/")), "the host's tree shows: " + self);
    assertEquals("", sh("awk '$3 ~ /^cgroup/ && $4 ~ /(^|,)ro(,|$)/' /proc/mounts"), "read-only cgroup mounts");
    sh("d=/sys/fs/cgroup; [ \"$(stat -f -c %T $d)\" = cgroup2fs ] || d=$d/pids; mkdir $d/kubeferry-probe"
        + " && echo $$ > $d/kubeferry-probe/cgroup.procs && echo $$ > $d/cgroup.procs && rmdir $d/kubeferry-probe");
  }

  @Test
  @Order(2)
  void whatAKubeletNeedsIsThere() throws Exception {
    sh("test -c /dev/kmsg && test -e /proc/sys/net/bridge/bridge-nf-call-iptables && sysctl -qw net.ipv4.ip_forward=1");
    assertTrue(sh("findmnt -no PROPAGATION /").contains("shared"));
    assertEquals("default via " + lab.gateway() + " dev eth0", sh("ip route show default").strip());
    for (String dir : NodeContainers.VOLUMES) {
      assertNotEquals("overlayfs", sh("stat -f -c %T " + dir).strip(), dir + " must not be on the image's overlay");
    }
    String volumes = LabNodesLifecycleIT.docker("volume", "ls", "--quiet", "--filter",
        "label=io.kubeferry.lab.instance=" + lab.instance()).stdout();
    assertEquals(NodeContainers.VOLUMES.size(), volumes.lines().count(), volumes);
    // Names other than the nodes' are asked of the Docker host (where nothing answers), never of an outside server,
    // and never of a loopback address (which, copied into a CoreDNS pod, is CoreDNS itself: a forwarding loop).
    assertEquals("nameserver " + lab.gateway(), sh("grep ^nameserver /etc/resolv.conf").strip());
    assertEquals("[" + lab.gateway() + "]", LabNodesLifecycleIT.docker("inspect", "-f", "{{.HostConfig.Dns}}",
        node.containerName()).stdout().strip());
    assertTrue(sh("getent hosts node1").startsWith(node.address() + " "));
    for (String tool : List.of("conntrack", "ipset", "ebtables", "ethtool", "socat", "nsenter", "mount", "modprobe")) {
      sh("command -v " + tool);
    }
  }

  /**
   * A kubelet writes six kernel settings at start and exits if it cannot; they are the Docker host's, so the node
   * has private stand-ins for them. Every other setting outside /proc/sys/net is read-only; net is the node's own.
   */
  @Test
  @Order(3)
  void kernelSettingsOfTheHostStayTheHostsWhileTheKubeletsAreWritable() throws Exception {
    String hostPanic = Files.readString(Path.of("/proc/sys/kernel/panic")).strip();
    String hostOvercommit = Files.readString(Path.of("/proc/sys/vm/overcommit_memory")).strip();
    sh("sysctl -qw vm.overcommit_memory=1 vm.panic_on_oom=0 kernel.panic=" + (Integer.parseInt(hostPanic) + 7)
        + " kernel.panic_on_oops=1 kernel.keys.root_maxkeys=1000000 kernel.keys.root_maxbytes=25000000");
    assertEquals("1", sh("cat /proc/sys/vm/overcommit_memory").strip(), "reads back what was written");
    assertEquals(hostPanic, Files.readString(Path.of("/proc/sys/kernel/panic")).strip(), "the host's changed");
    assertEquals(hostOvercommit, Files.readString(Path.of("/proc/sys/vm/overcommit_memory")).strip());
    assertNotEquals(0, node.exec("sysctl", "-w", "fs.protected_fifos=1").exitCode(), "fs.* must be read-only");
    sh("sysctl -qw net.ipv4.conf.all.route_localnet=1 net.bridge.bridge-nf-call-iptables=1");
  }

  /**
   * The fact the installer detects to set containerd's {@code restrict_oom_score_adj = true}: nothing in a node may
   * lower an OOM score (no CAP_SYS_RESOURCE), though raising one works. Units with OOMScoreAdjust= and Limit*= still
   * start: systemd ignores what it may not apply.
   */
  @Test
  @Order(4)
  void anOomScoreCannotBeLoweredInANode() {
    assertEquals(0, Long.parseLong(sh("awk '/^CapBnd:/ { print $2 }' /proc/1/status").strip(), 16) >> 24 & 1,
        "CAP_SYS_RESOURCE in the bounding set");
    assertNotEquals(0, node.exec("sh", "-c", "echo -999 > /proc/self/oom_score_adj").exitCode());
    sh("echo 10 > /proc/self/oom_score_adj");
  }

  @Test
  @Order(5)
  void containerdRunsContainersWithSystemdCgroups() {
    assumeTrue(Files.isExecutable(TINI), TINI + " missing (Debian package tini, a dependency of docker.io)");
    long began = System.nanoTime();
    // What the installer writes on such a host: CRI on, SystemdCgroup = true, restrict_oom_score_adj = true.
    sh("mkdir -p /etc/containerd && containerd config default | sed -e 's/SystemdCgroup = false/SystemdCgroup = true/'"
        + " -e 's/restrict_oom_score_adj = false/restrict_oom_score_adj = true/' > /etc/containerd/config.toml"
        + " && grep -q 'SystemdCgroup = true' /etc/containerd/config.toml && systemctl start containerd");
    sh("ctr -n k8s.io images import /root/tiny.tar");
    assertTrue(sh("ctr -n k8s.io run --rm --runc-systemd-cgroup --cgroup kubeferry.slice:lab:t1 " + CTR_IMAGE
        + " t1 /tini --version").startsWith("tini version"));
    assertTrue(sh("ctr -n k8s.io run --rm --privileged " + CTR_IMAGE + " t2 /tini --version")
        .startsWith("tini version"));
    assertEquals("overlayfs", sh("ctr plugins ls | awk '$2 == \"overlayfs\" { print $2 }'").strip() ,
        "overlay snapshotter");
    System.out.printf("LabNodeRuntimesIT: containerd up and 2 containers run in %d ms%n",
        (System.nanoTime() - began) / 1_000_000);
  }

  /** kubelet 1.23's dockershim: the host's Debian dockerd (the lab docker-ce RPM's payload) in a node. */
  @Test
  @Order(6)
  void theHostsDockerdRunsPrivilegedContainersInANode() throws Exception {
    assumeTrue(Files.isExecutable(TINI), TINI + " missing (Debian package tini, a dependency of docker.io)");
    assumeTrue(Files.isExecutable(Path.of("/usr/sbin/dockerd")), "no dockerd on the Docker host");
    long began = System.nanoTime();
    for (String file : List.of("/usr/sbin/dockerd", "/usr/bin/docker", "/usr/sbin/docker-proxy", "/usr/bin/docker-init",
        "/lib/systemd/system/docker.service", "/lib/systemd/system/docker.socket")) {
      ok(LabNodesLifecycleIT.docker("cp", "-L", file, node.containerName() + ":" + file));
    }
    sh("getent group docker >/dev/null || groupadd docker; mkdir -p /etc/docker"
        + " && echo '{\"exec-opts\": [\"native.cgroupdriver=systemd\"]}' > /etc/docker/daemon.json"
        + " && systemctl daemon-reload && systemctl start docker");
    assertEquals("systemd overlay2", sh("docker info -f '{{.CgroupDriver}} {{.Driver}}'").strip());
    sh("docker load -q -i /root/tiny.tar");
    // A pod sandbox under dockershim: OOM score -998; kube-proxy and CNI pods: privileged.
    assertTrue(sh("docker run --rm --privileged --oom-score-adj -998 " + IMAGE + " --version")
        .startsWith("tini version"));
    assertTrue(sh("docker run --rm " + IMAGE + " --version").startsWith("tini version"));
    System.out.printf("LabNodeRuntimesIT: dockerd up and 2 containers run in %d ms; node memory %s%n",
        (System.nanoTime() - began) / 1_000_000, memory(node));
  }

  /** @return the node's memory as the host's cgroup v1 memory controller counts it (docker stats says 0 here) */
  static String memory(LabNode node) throws Exception {
    String id = LabNodesLifecycleIT.docker("inspect", "-f", "{{.Id}}", node.containerName()).stdout().strip();
    Path stat = Path.of("/sys/fs/cgroup/memory/docker", id, "memory.stat");
    if (!Files.isReadable(stat)) {
      return "unknown";
    }
    long rss = 0;
    long cache = 0;
    for (String line : Files.readAllLines(stat)) {
      String[] kv = line.split(" ");
      rss = kv[0].equals("total_rss") ? Long.parseLong(kv[1]) : rss;
      cache = kv[0].equals("total_cache") ? Long.parseLong(kv[1]) : cache;
    }
    return String.format("rss %d MiB, page cache %d MiB", rss >> 20, cache >> 20);
  }

  private static String sh(String script) {
    ExecResult result = node.exec("sh", "-c", script);
    assertEquals(0, result.exitCode(), script + ": " + result.output());
    return result.stdout();
  }

  private static void ok(ExecResult result) {
    assertEquals(0, result.exitCode(), result.output());
  }
}
