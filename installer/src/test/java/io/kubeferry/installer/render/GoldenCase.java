package io.kubeferry.installer.render;

import io.kubeferry.core.KubernetesVersion;
import io.kubeferry.installer.inventory.Topology;
import java.util.ArrayList;
import java.util.List;

/**
 * One golden file: a Kubernetes version, topology and runtime rendered with the example cluster, plus what the
 * extra cases vary (load balancer, registry, host facts).
 */
record GoldenCase(String file, KubernetesVersion version, Topology topology, String runtime, String loadBalancer,
    boolean staticPods, RegistryLocation registry, boolean containerHosts) {

  /** The newest patch of every minor the catalog allows, and the releases with kubeadm naming exceptions. */
  static final List<String> VERSIONS = List.of("1.20.15", "1.21.0", "1.21.1", "1.21.14", "1.22.17", "1.23.1",
      "1.23.17", "1.24.17", "1.25.16", "1.26.15", "1.27.16", "1.28.15", "1.29.15", "1.30.14", "1.31.14");

  /** Version × topology × runtime (docker only up to 1.23), then the extra cases. */
  static List<GoldenCase> all() {
    List<GoldenCase> cases = new ArrayList<>();
    for (String v : VERSIONS) {
      KubernetesVersion version = KubernetesVersion.parse(v);
      for (Topology t : Topology.values()) {
        List<String> runtimes = version.minor() <= 23 ? List.of("docker", "containerd") : List.of("containerd");
        for (String r : runtimes) {
          cases.add(new GoldenCase(v + "/" + t.key() + "-" + r + ".txt", version, t, r, "haproxy-keepalived", true,
              ExampleCluster.REGISTRY, false));
        }
      }
    }
    cases.add(new GoldenCase("extra/1.23.1-single-containerd-hosts-are-containers.txt",
        KubernetesVersion.parse("1.23.1"), Topology.SINGLE, "containerd", "haproxy-keepalived", true,
        ExampleCluster.REGISTRY, true));
    cases.add(new GoldenCase("extra/1.29.15-ha-stacked-containerd-kube-vip.txt", KubernetesVersion.parse("1.29.15"),
        Topology.HA_STACKED, "containerd", "kube-vip", true, ExampleCluster.REGISTRY, false));
    cases.add(new GoldenCase("extra/1.28.15-ha-stacked-containerd-kube-vip.txt", KubernetesVersion.parse("1.28.15"),
        Topology.HA_STACKED, "containerd", "kube-vip", true, ExampleCluster.REGISTRY, false));
    cases.add(new GoldenCase("extra/1.23.17-ha-stacked-containerd-haproxy-keepalived-services.txt",
        KubernetesVersion.parse("1.23.17"), Topology.HA_STACKED, "containerd", "haproxy-keepalived", false,
        ExampleCluster.REGISTRY, false));
    RegistryLocation plainWithPrefix = new RegistryLocation("registry.example:5000", "kubeferry", false);
    cases.add(new GoldenCase("extra/1.23.17-single-docker-http-registry-with-prefix.txt",
        KubernetesVersion.parse("1.23.17"), Topology.SINGLE, "docker", "haproxy-keepalived", true, plainWithPrefix,
        false));
    cases.add(new GoldenCase("extra/1.24.17-single-containerd-http-registry-with-prefix.txt",
        KubernetesVersion.parse("1.24.17"), Topology.SINGLE, "containerd", "haproxy-keepalived", true,
        plainWithPrefix, false));
    return cases;
  }

  @Override
  public String toString() {
    return file;
  }
}
