package io.kubeferry.installer.source;

import io.kubeferry.core.Digest;
import io.kubeferry.core.Nevra;
import io.kubeferry.core.bundle.BundleLayout;
import io.kubeferry.core.bundle.BundleManifest;
import io.kubeferry.core.bundle.ClusterComponents;
import io.kubeferry.core.bundle.FileEntry;
import io.kubeferry.core.bundle.PackageRole;
import io.kubeferry.core.bundle.RpmEntry;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** Install sources for unit tests: a verified manifest's contents without a bundle on disk. */
public final class TestSources {
  private static final Digest D = Digest.sha256Of("x".getBytes(StandardCharsets.UTF_8));

  private TestSources() {}

  /** A manifest for {@code k8s} on {@code os} installing exactly {@code packages} for both runtimes. */
  public static BundleManifest manifest(String k8s, String os, Map<PackageRole, List<String>> packages) {
    List<RpmEntry> rpms = new ArrayList<>();
    List<FileEntry> files = new ArrayList<>();
    Map<PackageRole, List<Nevra>> roles = new java.util.EnumMap<>(PackageRole.class);
    packages.forEach((role, list) -> {
      List<Nevra> nevras = new ArrayList<>();
      for (String n : list) {
        Nevra nevra = Nevra.parse(n);
        nevras.add(nevra);
        String path = BundleLayout.REPO + "Packages/" + n + ".rpm";
        if (files.stream().noneMatch(f -> f.path().equals(path))) {
          rpms.add(new RpmEntry(nevra, path, D, 1));
          files.add(new FileEntry(path, D, 1, false));
        }
      }
      roles.put(role, nevras);
    });
    return new BundleManifest(BundleLayout.API_VERSION, BundleLayout.KIND, k8s, os, "amd64", null,
        new ClusterComponents("k8s.gcr.io", "3.6", "3.5.1-0", "v1.8.6", "none", "", "none"), roles, List.of(),
        List.of(), rpms, List.of(), files);
  }

  /** Kubernetes 1.23.1 for el7: kubeadm, kubelet, conntrack-tools; containerd.io as either runtime. */
  public static InstallSource el7(Path root, Path bundleKey, Map<String, Path> rpmKeys) {
    BundleManifest m = manifest("1.23.1", "el7", Map.of(
        PackageRole.KUBERNETES, List.of("kubeadm-1.23.1-0.x86_64", "kubelet-1.23.1-0.x86_64",
            "conntrack-tools-1.4.4-7.el7.x86_64"),
        PackageRole.RUNTIME_DOCKER, List.of("docker-ce-3:20.10.24-3.el7.x86_64", "containerd.io-1.6.33-3.1.el7.x86_64"),
        PackageRole.RUNTIME_CONTAINERD, List.of("containerd.io-1.6.33-3.1.el7.x86_64")));
    return new InstallSource(m, root, root.resolve("repo"), bundleKey, rpmKeys);
  }
}
