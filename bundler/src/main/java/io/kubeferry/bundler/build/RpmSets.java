package io.kubeferry.bundler.build;

import io.kubeferry.core.KubernetesVersion;
import io.kubeferry.core.bundle.PackageRole;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

/**
 * The pinned package specs a Kubernetes version needs on an EL-family target, per role, from the data file
 * {@code rpm-sets.yaml}: kubeadm, kubelet and kubectl at the exact version, the kubernetes-cni and cri-tools of that
 * minor's repository, the runtimes (docker-ce 20.10 with containerd.io up to 1.23, containerd.io alone for every
 * minor), and what every node needs whatever the minor. Immutable, thread-safe.
 */
public final class RpmSets {
  private final Map<String, Object> doc;

  private RpmSets(Map<String, Object> doc) {
    this.doc = doc;
  }

  public static RpmSets load() {
    return new RpmSets(DataFile.load("rpm-sets.yaml"));
  }

  /** Specs per role for {@code v}; throws naming the known minors when the minor is not in the data. */
  public Map<PackageRole, List<String>> specs(KubernetesVersion v) {
    Map<String, Object> minors = DataFile.map(doc.get("minors"));
    Map<String, Object> m = DataFile.map(minors.get(v.minorKey()));
    if (m.isEmpty()) {
      throw new IllegalArgumentException("no RPM set known for Kubernetes " + v + " (known minors: "
          + String.join(", ", new TreeSet<>(minors.keySet())) + "); name the packages with --rpm SPEC");
    }
    String release = DataFile.string(m, "release");
    List<String> kubernetes = new ArrayList<>();
    for (String name : List.of("kubeadm", "kubelet", "kubectl")) {
      kubernetes.add(name + "-" + v + (release == null ? "" : "-" + release));
    }
    kubernetes.add("kubernetes-cni-" + DataFile.string(m, "cni"));
    kubernetes.add("cri-tools-" + DataFile.string(m, "criTools"));
    for (Object always : DataFile.list(doc.get("always"))) {
      kubernetes.add(String.valueOf(always));
    }
    Map<PackageRole, List<String>> out = new EnumMap<>(PackageRole.class);
    out.put(PackageRole.KUBERNETES, kubernetes);
    String containerd = "containerd.io-" + DataFile.string(m, "containerd");
    if (m.get("docker") != null) {
      out.put(PackageRole.RUNTIME_DOCKER, List.of("docker-ce-" + DataFile.string(m, "docker"),
          "docker-ce-cli-" + DataFile.string(m, "dockerCli"), containerd));
    }
    out.put(PackageRole.RUNTIME_CONTAINERD, List.of(containerd));
    return out;
  }
}
