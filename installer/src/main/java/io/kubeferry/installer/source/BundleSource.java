package io.kubeferry.installer.source;

import io.kubeferry.core.IntegrityException;
import io.kubeferry.core.bundle.ArchiveLimits;
import io.kubeferry.core.bundle.BundleFormatException;
import io.kubeferry.core.bundle.BundleLayout;
import io.kubeferry.core.bundle.BundleManifest;
import io.kubeferry.core.bundle.BundleVerifier;
import io.kubeferry.core.bundle.FileEntry;
import io.kubeferry.core.bundle.PackageRole;
import io.kubeferry.core.bundle.VerificationResult;
import io.kubeferry.core.sign.SignatureVerifier;
import io.kubeferry.core.sign.SigningException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;

/**
 * Turns a signed bundle tarball into an {@link InstallSource}: verifies it against the trusted key (tarball and
 * manifest signatures, every file's sha256, nothing unlisted) while extracting it under {@code workDir}, then checks
 * that its signed parts agree about images ({@link BundleImageCheck}). The verified manifest is the install's
 * contract; nothing unverified is ever used.
 */
public final class BundleSource {
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
    requireInstallable(result.manifest());
    BundleImageCheck.check(result.manifest(), target, tarball.toString());
    return new Opened(toSource(result.manifest(), target, trustedKey), result);
  }

  /** Refuses a manifest this installer cannot install from, before anything else is read from the bundle. */
  private static void requireInstallable(BundleManifest m) throws BundleException {
    if (m.legacy()) {
      throw new BundleException("could not use bundle: it is format " + m.apiVersion() + ", which does not record"
          + " the package sets, image roles and templates an install needs; rebuild it with this kubeferry", false);
    }
    if (m.delta()) {
      throw new BundleException("could not use bundle: it is a delta on " + m.base().name() + " (bundle.yaml "
          + m.base().manifest() + ") and holds only what that bundle lacks; installing a delta together with its"
          + " base is not implemented yet, so install from a whole bundle", false);
    }
  }

  static InstallSource toSource(BundleManifest m, Path root, Path key) throws BundleException {
    requireInstallable(m);
    Path repo = root.resolve(BundleLayout.REPO);
    if (!Files.isRegularFile(repo.resolve("repodata/repomd.xml.asc"))) {
      throw new BundleException("could not use bundle: its yum repository has no signed metadata"
          + " (repo/repodata/repomd.xml.asc), which repo_gpgcheck=1 requires", true);
    }
    if (m.packages(PackageRole.KUBERNETES).stream().noneMatch(n -> n.name().equals("kubeadm"))) {
      throw new BundleException("could not use bundle: it has no kubeadm package", false);
    }
    Map<String, Path> rpmKeys = new TreeMap<>();
    for (FileEntry f : m.files()) { // listed in the verified manifest, so hashed and checked like every file
      if (BundleLayout.isRpmKey(f.path())) {
        rpmKeys.put(BundleLayout.rpmKeyRepo(f.path()), BundleLayout.resolve(root, f.path()));
      }
    }
    return new InstallSource(m, root, repo, key, rpmKeys);
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
