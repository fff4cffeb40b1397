package io.kubeferry.cli.config;

import io.kubeferry.core.IntegrityException;
import io.kubeferry.core.bundle.BundleHead;
import io.kubeferry.core.bundle.BundleLayout;
import io.kubeferry.core.io.AtomicFiles;
import io.kubeferry.core.sign.Fingerprint;
import io.kubeferry.core.sign.SignatureVerifier;
import io.kubeferry.core.sign.SigningException;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * The bundle-signing keys the operator trusts, one armored public key per file named by its fingerprint
 * ({@code <home>/trusted-keys/<FINGERPRINT>.asc}). A bundle is installed only when one of these keys (or the key
 * given with {@code --key}) signed it; the key shipped inside a bundle is never trusted by itself.
 */
public final class TrustStore {
  private final Path dir;

  public TrustStore(Path dir) {
    this.dir = dir;
  }

  /** Adds a public key; returns its fingerprint. Adding a key already there changes nothing. */
  public Fingerprint add(Path publicKey) throws IOException, SigningException {
    byte[] key = Files.readAllBytes(publicKey);
    Fingerprint fpr = SignatureVerifier.fromBytes(key, publicKey.toString()).fingerprint();
    Files.createDirectories(dir);
    AtomicFiles.write(file(fpr), key);
    return fpr;
  }

  /** Every trusted fingerprint, sorted. */
  public List<Fingerprint> list() throws IOException {
    if (!Files.isDirectory(dir)) {
      return List.of();
    }
    List<Fingerprint> out = new ArrayList<>();
    try (Stream<Path> s = Files.list(dir)) {
      for (Path p : s.sorted().toList()) {
        String name = p.getFileName().toString();
        if (name.endsWith(".asc")) {
          out.add(Fingerprint.parse(name.substring(0, name.length() - 4)));
        }
      }
    }
    return out;
  }

  /** Removes a trusted key; false when it was not trusted. */
  public boolean remove(Fingerprint fpr) throws IOException {
    return Files.deleteIfExists(file(fpr));
  }

  /**
   * The trusted key that signed the bundle's manifest, found by checking the manifest signature against each trusted
   * key; empty when none did.
   */
  public Optional<Path> keyFor(Path bundle) throws IOException, IntegrityException {
    BundleHead head = BundleHead.read(bundle);
    for (Fingerprint fpr : list()) {
      Path file = file(fpr);
      try {
        SignatureVerifier.fromFile(file).verify(new ByteArrayInputStream(head.manifest()), head.signature(),
            BundleLayout.MANIFEST);
        return Optional.of(file);
      } catch (SigningException | IntegrityException e) {
        // signed by another key: try the next
      }
    }
    return Optional.empty();
  }

  /** The fingerprint of the key that signed the bundle, for the refusal message (null when the signature names none). */
  public static Fingerprint signerOf(Path bundle) throws IOException, IntegrityException {
    return SignatureVerifier.issuer(BundleHead.read(bundle).signature());
  }

  private Path file(Fingerprint fpr) {
    return dir.resolve(fpr.hex() + ".asc");
  }
}
