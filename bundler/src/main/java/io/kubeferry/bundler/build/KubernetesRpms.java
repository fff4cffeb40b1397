package io.kubeferry.bundler.build;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The pinned RPM specs a Kubernetes version needs on an EL target (DOMAIN.md §2): kubeadm, kubelet, kubectl at the
 * exact version, the kubernetes-cni and cri-tools releases of that era, and the container runtime kubeadm of that
 * minor validates (docker-ce 20.10 up to 1.23, containerd.io from 1.24). Everything is pinned because the upstream
 * repo is cumulative: an unpinned kubeadm drags the newest kubelet. Data, not logic: extend the table per minor.
 */
public final class KubernetesRpms {
  private KubernetesRpms() {}

  private record Era(String cni, String criTools, List<String> runtime) {}

  private static final List<String> DOCKER_20_10 = List.of("docker-ce-3:20.10.12-3.el7",
      "docker-ce-cli-1:20.10.12-3.el7", "containerd.io-1.4.12-3.1.el7");

  private static final Map<String, Era> ERAS = Map.of(
      "1.22", new Era("0.8.7-0", "1.19.0-0", DOCKER_20_10),
      "1.23", new Era("0.8.7-0", "1.19.0-0", DOCKER_20_10));

  /** Specs for {@code version} (e.g. {@code 1.23.1}); throws naming the supported minors when unknown. */
  public static List<String> specs(String version) {
    String minor = version.replaceAll("^(\\d+\\.\\d+)\\..*$", "$1");
    Era era = ERAS.get(minor);
    if (era == null) {
      throw new IllegalArgumentException("no RPM set known for Kubernetes " + version + " (known minors: "
          + ERAS.keySet().stream().sorted().toList() + "); pass the packages with --rpm SPEC");
    }
    List<String> specs = new ArrayList<>();
    for (String name : List.of("kubeadm", "kubelet", "kubectl")) {
      specs.add(name + "-" + version + "-0");
    }
    specs.add("kubernetes-cni-" + era.cni());
    specs.add("cri-tools-" + era.criTools());
    specs.addAll(era.runtime());
    specs.add("conntrack-tools"); // kubeadm < 1.32 checks for conntrack (DOMAIN.md §2)
    return specs;
  }
}
