package io.kubeferry.installer.source;

import io.kubeferry.core.IntegrityException;
import io.kubeferry.core.bundle.ArchiveLimits;
import io.kubeferry.core.bundle.BundleFormatException;
import io.kubeferry.core.bundle.BundleLayout;
import io.kubeferry.core.bundle.BundleManifest;
import io.kubeferry.core.bundle.BundleVerifier;
import io.kubeferry.core.bundle.FileEntry;
import io.kubeferry.core.bundle.RpmEntry;
import io.kubeferry.core.bundle.VerificationResult;
import io.kubeferry.core.rpm.Evr;
import io.kubeferry.core.sign.SignatureVerifier;
import io.kubeferry.core.sign.SigningException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;

/**
 * Turns a signed bundle tarball into an {@link InstallSource}: verifies it against the trusted key (tarball and
 * manifest signatures, every file's sha256, nothing unlisted) while extracting it under {@code workDir}, then
 * derives the pinned package list from the verified manifest. Nothing unverified is ever used.
 */
public final class BundleSource {
  /** Packages installed explicitly (pinned); their dependencies come from the same repository. */
  static final List<String> PINNED = List.of("kubeadm", "kubelet", "kubectl", "kubernetes-cni", "cri-tools",
      "docker-ce", "docker-ce-cli", "containerd.io", "conntrack-tools", "socat");
  private static final Map<String, String> ARCH = Map.of("amd64", "x86_64", "arm64", "aarch64");

  private BundleSource() {}

  /** What verification established, for the "verification passed" line, and the source to install from. */
  public record Opened(InstallSource source, VerificationResult verification) {}

  public static Opened open(Path tarball, Path trustedKey, Path workDir) throws BundleException {
    SignatureVerifier trusted;
    try {
      trusted = SignatureVerifier.fromFile(trustedKey);
    } catch (SigningException e) {
      throw new BundleException(e.getMessage(), false);
    }
    Path target = workDir.resolve("bundle");
    VerificationResult result;
    try {
      Files.createDirectories(workDir);
      deleteTree(target); // a previous run's copy is replaced by a freshly verified one
      result = new BundleVerifier(trusted, ArchiveLimits.defaults()).extract(tarball, target);
    } catch (IntegrityException e) {
      throw new BundleException("could not verify bundle " + tarball + ": " + e.getMessage(), true);
    } catch (BundleFormatException | IOException e) {
      throw new BundleException("could not read bundle " + tarball + ": " + e.getMessage(), false);
    }
    return new Opened(toSource(result.manifest(), target, trustedKey), result);
  }

  static InstallSource toSource(BundleManifest m, Path root, Path key) throws BundleException {
    if (m.osProfiles().size() != 1 || m.arches().size() != 1) {
      throw new BundleException("could not use bundle: it targets " + m.osProfiles() + " / " + m.arches()
          + "; this installer handles bundles for exactly one OS profile and architecture", false);
    }
    Path repo = root.resolve(BundleLayout.REPO);
    if (!Files.isRegularFile(repo.resolve("repodata/repomd.xml.asc"))) {
      throw new BundleException("could not use bundle: its yum repository has no signed metadata"
          + " (repo/repodata/repomd.xml.asc), which repo_gpgcheck=1 requires", true);
    }
    List<String> pinned = new ArrayList<>();
    for (String name : PINNED) {
      // kubeadm/kubelet/kubectl: exactly the bundle's Kubernetes version; others: the newest in the bundle.
      boolean core = List.of("kubeadm", "kubelet", "kubectl").contains(name);
      m.rpms().stream().map(RpmEntry::nevra).filter(n -> n.name().equals(name))
          .filter(n -> !core || n.version().equals(m.kubernetesVersion()))
          .max(Comparator.comparing(Evr::of)) // rpm order: 1.23.10 is newer than 1.23.9, epoch first
          .ifPresent(n -> pinned.add(n.name() + "-" + n.version() + "-" + n.release()));
    }
    if (pinned.stream().noneMatch(p -> p.startsWith("kubeadm-"))) {
      throw new BundleException("could not use bundle: it has no kubeadm package", false);
    }
    String arch = ARCH.getOrDefault(m.arches().get(0), m.arches().get(0));
    Map<String, Path> rpmKeys = new TreeMap<>();
    for (FileEntry f : m.files()) { // listed in the verified manifest, so hashed and checked like every file
      if (BundleLayout.isRpmKey(f.path())) {
        rpmKeys.put(BundleLayout.rpmKeyRepo(f.path()), BundleLayout.resolve(root, f.path()));
      }
    }
    return new InstallSource(m.kubernetesVersion(), m.osProfiles().get(0), arch, repo, key, rpmKeys, pinned);
  }

  private static void deleteTree(Path p) throws IOException {
    if (!Files.exists(p)) {
      return;
    }
    try (Stream<Path> s = Files.walk(p)) {
      for (Path x : s.sorted(Comparator.reverseOrder()).toList()) {
        Files.delete(x);
      }
    }
  }
}
