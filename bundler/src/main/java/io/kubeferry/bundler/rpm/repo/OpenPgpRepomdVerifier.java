package io.kubeferry.bundler.rpm.repo;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import org.bouncycastle.openpgp.PGPException;
import org.bouncycastle.openpgp.PGPPublicKey;
import org.bouncycastle.openpgp.PGPPublicKeyRingCollection;
import org.bouncycastle.openpgp.PGPSignature;
import org.bouncycastle.openpgp.PGPSignatureList;
import org.bouncycastle.openpgp.PGPUtil;
import org.bouncycastle.openpgp.jcajce.JcaPGPObjectFactory;
import org.bouncycastle.openpgp.operator.jcajce.JcaKeyFingerprintCalculator;
import org.bouncycastle.openpgp.operator.jcajce.JcaPGPContentVerifierBuilderProvider;

/**
 * Verifies {@code repomd.xml.asc} (armored or binary detached signature, as gpg writes it) against the OpenPGP
 * public key(s) configured for a repository (armored or binary, e.g. {@code RPM-GPG-KEY-*} or
 * {@code repomd.xml.key}). Small on purpose: it can be swapped for core's verifier. Thread-safe.
 */
public final class OpenPgpRepomdVerifier implements RepomdVerifier {
  private final PGPPublicKeyRingCollection keys;

  private OpenPgpRepomdVerifier(PGPPublicKeyRingCollection keys) {
    this.keys = keys;
  }

  /** Reads the key file contents; throws RepoException when it holds no OpenPGP public key. */
  public static OpenPgpRepomdVerifier fromKey(byte[] key, String name) throws RepoException {
    try (InputStream in = PGPUtil.getDecoderStream(new ByteArrayInputStream(key))) {
      PGPPublicKeyRingCollection ring = new PGPPublicKeyRingCollection(in, new JcaKeyFingerprintCalculator());
      if (!ring.getKeyRings().hasNext()) {
        throw new RepoException("could not read repository key " + name + ": no public key in it");
      }
      return new OpenPgpRepomdVerifier(ring);
    } catch (IOException | PGPException e) {
      throw new RepoException("could not read repository key " + name + ": " + e.getMessage(), e);
    }
  }

  @Override
  public void verify(byte[] repomd, byte[] signature, String repo) throws RepoException {
    try (InputStream in = PGPUtil.getDecoderStream(new ByteArrayInputStream(signature))) {
      Object o = new JcaPGPObjectFactory(in).nextObject();
      if (!(o instanceof PGPSignatureList list) || list.isEmpty()) {
        throw new RepoException("could not verify " + repo + ": repomd.xml.asc holds no OpenPGP signature");
      }
      for (PGPSignature sig : list) {
        PGPPublicKey key = keys.getPublicKey(sig.getKeyID());
        if (key == null) {
          continue;
        }
        sig.init(new JcaPGPContentVerifierBuilderProvider(), key);
        sig.update(repomd);
        if (sig.verify()) {
          return;
        }
        throw new RepoException("could not verify " + repo + ": BAD signature on repomd.xml by key "
            + Long.toHexString(sig.getKeyID()).toUpperCase() + " (metadata altered?)");
      }
      throw new RepoException("could not verify " + repo + ": repomd.xml is signed by key "
          + Long.toHexString(list.get(0).getKeyID()).toUpperCase() + ", which is not the configured key");
    } catch (IOException | PGPException e) {
      throw new RepoException("could not verify " + repo + ": unreadable repomd.xml.asc: " + e.getMessage(), e);
    }
  }
}
