package io.kubeferry.bundler.build;

import io.kubeferry.bundler.rpm.RpmException;
import io.kubeferry.bundler.rpm.RpmKeyring;
import io.kubeferry.bundler.rpm.repo.HttpRepoClient;
import io.kubeferry.bundler.rpm.repo.OpenPgpRepomdVerifier;
import io.kubeferry.bundler.rpm.repo.RepoConfig;
import io.kubeferry.bundler.rpm.repo.RepoException;
import io.kubeferry.core.bundle.BundleLayout;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.bouncycastle.bcpg.ArmoredOutputStream;
import org.bouncycastle.openpgp.PGPException;
import org.bouncycastle.openpgp.PGPPublicKeyRingCollection;
import org.bouncycastle.openpgp.PGPUtil;
import org.bouncycastle.openpgp.operator.jcajce.JcaKeyFingerprintCalculator;

/**
 * The signing keys of a source repository: read from local files or downloaded from the URLs the source names (as
 * yum does with {@code gpgkey=}), checked to hold OpenPGP public keys, and shipped in the bundle
 * ({@link BundleLayout#rpmKey}) because the RPMs keep their upstream signatures and the installer's
 * {@code gpgcheck=1} needs the keys that made them. A repository without a key is refused: gpgcheck is never
 * switched off. Stateless.
 */
public final class RepoKeys {
  private static final String ARMOR = "-----BEGIN PGP PUBLIC KEY BLOCK-----";

  private RepoKeys() {}

  /**
   * One repository's keys, loaded.
   *
   * @param armored every key as ASCII armor, concatenated (what {@code rpm --import} and dnf's {@code gpgkey=} read)
   * @param keyring for checking the RPMs' header signatures
   * @param config how the solver reads the repository (repomd.xml signature checked when the source says so)
   */
  public record Loaded(SourceRepo source, byte[] armored, RpmKeyring keyring, RepoConfig config) {
    /** The bundle path the keys ship at. */
    public String bundlePath() {
      return BundleLayout.rpmKey(source.id());
    }

    /** The keys' fingerprints, for the manifest's audit record and the dry run. */
    public List<String> fingerprints() {
      return keyring.fingerprints();
    }
  }

  /** Loads the keys of {@code source}; URLs go through {@code http}. */
  public static Loaded load(SourceRepo source, HttpRepoClient http) throws RepoException {
    if (source.keys().isEmpty()) {
      throw new RepoException(missing(source.id()));
    }
    ByteArrayOutputStream armor = new ByteArrayOutputStream();
    ByteArrayOutputStream packets = new ByteArrayOutputStream(); // one key ring collection of every key
    for (String key : source.keys()) {
      byte[] raw = read(key, http);
      armor.writeBytes(armored(raw, key));
      packets.writeBytes(binary(raw, key));
    }
    byte[] armored = armor.toByteArray();
    String what = "keys of repository " + source.id();
    RpmKeyring keyring;
    try {
      keyring = RpmKeyring.parse(packets.toByteArray(), what);
    } catch (RpmException e) {
      throw new RepoException(e.getMessage(), e);
    }
    RepoConfig config = new RepoConfig(source.id(), source.url(), RepoConfig.DEFAULT_PRIORITY,
        source.signedMetadata() ? OpenPgpRepomdVerifier.fromKey(packets.toByteArray(), what) : null);
    return new Loaded(source, armored, keyring, config);
  }

  /** The one-line refusal for a repository without a key. */
  public static String missing(String repoId) {
    return "could not build: repository '" + repoId + "' has no signing key; the bundle installs with gpgcheck=1,"
        + " so give the key that signs its RPMs and repomd.xml (--repo-key " + repoId + "=KEYFILE)";
  }

  private static byte[] read(String key, HttpRepoClient http) throws RepoException {
    try {
      if (key.startsWith("http://") || key.startsWith("https://")) {
        try (InputStream in = http.get(URI.create(key), 0).orElseThrow(
            () -> new RepoException("could not download repository key " + key + ": not found (HTTP 404)"))) {
          return in.readNBytes(1 << 20);
        }
      }
      Path file = key.startsWith("file:") ? Path.of(URI.create(key)) : Path.of(key);
      return Files.readAllBytes(file);
    } catch (IOException e) {
      throw new RepoException("could not read repository key " + key + ": " + e.getMessage(), e);
    }
  }

  /** The key's OpenPGP packets (armor removed), so several keys of one repository form one collection. */
  private static byte[] binary(byte[] raw, String name) throws RepoException {
    try (InputStream in = PGPUtil.getDecoderStream(new ByteArrayInputStream(raw))) {
      PGPPublicKeyRingCollection ring = new PGPPublicKeyRingCollection(in, new JcaKeyFingerprintCalculator());
      return ring.getEncoded();
    } catch (IOException | PGPException e) {
      throw new RepoException("could not read repository key " + name + ": " + e.getMessage(), e);
    }
  }

  /** The key as ASCII armor, after checking it holds an OpenPGP public key. */
  static byte[] armored(byte[] raw, String name) throws RepoException {
    OpenPgpRepomdVerifier.fromKey(raw, name); // fails with a clear line when it holds no public key
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
      throw new RepoException("could not read repository key " + name + ": " + e.getMessage(), e);
    }
  }
}
