package io.kubeferry.bundler.build;

import io.kubeferry.bundler.rpm.repo.OpenPgpRepomdVerifier;
import io.kubeferry.bundler.rpm.repo.RepoConfig;
import io.kubeferry.bundler.rpm.repo.RepoException;
import io.kubeferry.core.bundle.BundleLayout;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.bouncycastle.bcpg.ArmoredOutputStream;
import org.bouncycastle.openpgp.PGPException;
import org.bouncycastle.openpgp.PGPPublicKeyRingCollection;
import org.bouncycastle.openpgp.PGPUtil;
import org.bouncycastle.openpgp.operator.jcajce.JcaKeyFingerprintCalculator;

/**
 * The RPM signing keys shipped in the bundle ({@link BundleLayout#rpmKey}): one per source repository, because the
 * RPMs keep their upstream signatures and the installer's {@code gpgcheck=1} needs the keys that made them. A
 * repository without a key is refused: gpgcheck is never switched off. Keys are shipped ASCII-armored, the form
 * {@code rpm --import} and dnf's {@code gpgkey=} read. Stateless.
 */
public final class RepoKeys {
  private static final String ARMOR = "-----BEGIN PGP PUBLIC KEY BLOCK-----";

  private RepoKeys() {}

  /**
   * Reads the key of every repository in {@code repos} from {@code keyFiles} (repository id → key file).
   *
   * @return bundle path → armored key bytes, sorted
   * @throws RepoException naming the repository without a key, a key for no repository, or an unreadable key
   */
  public static Map<String, byte[]> forBundle(List<RepoConfig> repos, Map<String, Path> keyFiles)
      throws RepoException {
    Map<String, byte[]> out = new TreeMap<>();
    for (RepoConfig repo : repos) {
      Path file = keyFiles.get(repo.id());
      if (file == null) {
        throw new RepoException(missing(repo.id()));
      }
      out.put(BundleLayout.rpmKey(repo.id()), armored(file));
    }
    for (String id : keyFiles.keySet()) {
      if (repos.stream().noneMatch(r -> r.id().equals(id))) {
        throw new RepoException("could not use repository key " + keyFiles.get(id) + ": no --repo has id '" + id
            + "'");
      }
    }
    return out;
  }

  /** The one-line refusal for a repository without a key. */
  public static String missing(String repoId) {
    return "could not build: repository '" + repoId + "' has no --repo-key; the bundle installs with gpgcheck=1,"
        + " so give the key that signs its RPMs and repomd.xml (--repo-key " + repoId + "=KEYFILE)";
  }

  /** The key file as ASCII armor, after checking it holds an OpenPGP public key. */
  static byte[] armored(Path file) throws RepoException {
    byte[] raw;
    try {
      raw = Files.readAllBytes(file);
    } catch (IOException e) {
      throw new RepoException("could not read repository key " + file + ": " + e.getMessage(), e);
    }
    OpenPgpRepomdVerifier.fromKey(raw, file.toString()); // fails with a clear line when it holds no public key
    if (new String(raw, 0, Math.min(raw.length, 200), StandardCharsets.US_ASCII).strip().startsWith(ARMOR)) {
      return raw;
    }
    try (InputStream in = PGPUtil.getDecoderStream(new ByteArrayInputStream(raw))) {
      PGPPublicKeyRingCollection ring = new PGPPublicKeyRingCollection(in, new JcaKeyFingerprintCalculator());
      ByteArrayOutputStream buf = new ByteArrayOutputStream();
      // No "Version:" header: the same key gives the same bytes whatever the BouncyCastle version.
      try (ArmoredOutputStream armor = ArmoredOutputStream.builder().clearHeaders().build(buf)) {
        ring.encode(armor);
      }
      return buf.toByteArray();
    } catch (IOException | PGPException e) {
      throw new RepoException("could not read repository key " + file + ": " + e.getMessage(), e);
    }
  }
}
