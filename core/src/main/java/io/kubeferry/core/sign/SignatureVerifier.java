package io.kubeferry.core.sign;

import io.kubeferry.core.IntegrityException;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import org.bouncycastle.bcpg.HashAlgorithmTags;
import org.bouncycastle.openpgp.PGPException;
import org.bouncycastle.openpgp.PGPPublicKey;
import org.bouncycastle.openpgp.PGPPublicKeyRing;
import org.bouncycastle.openpgp.PGPPublicKeyRingCollection;
import org.bouncycastle.openpgp.PGPSignature;
import org.bouncycastle.openpgp.PGPSignatureList;
import org.bouncycastle.openpgp.PGPUtil;
import org.bouncycastle.openpgp.bc.BcPGPObjectFactory;
import org.bouncycastle.openpgp.operator.bc.BcKeyFingerprintCalculator;
import org.bouncycastle.openpgp.operator.bc.BcPGPContentVerifierBuilderProvider;

/**
 * Verifies detached OpenPGP signatures (armored or binary) against one trusted public key certificate, as made by
 * {@link Signer} or by {@code gpg --detach-sign}. Accepts only binary-document signatures with SHA-256 or stronger.
 * Immutable and thread-safe.
 */
public final class SignatureVerifier {
  private final PGPPublicKeyRing ring;
  private final Fingerprint primary;

  private SignatureVerifier(PGPPublicKeyRing ring) {
    this.ring = ring;
    this.primary = Fingerprint.of(ring.getPublicKey().getFingerprint());
  }

  /** Reads a public key certificate (armored or binary); {@code source} names it in messages. */
  public static SignatureVerifier fromBytes(byte[] key, String source) throws SigningException {
    try (InputStream in = PGPUtil.getDecoderStream(new ByteArrayInputStream(key))) {
      PGPPublicKeyRingCollection rings = new PGPPublicKeyRingCollection(in, new BcKeyFingerprintCalculator());
      Iterator<PGPPublicKeyRing> it = rings.getKeyRings();
      if (it.hasNext()) {
        return new SignatureVerifier(it.next());
      }
    } catch (IOException | PGPException | RuntimeException e) {
      throw new SigningException("could not read public key: not an OpenPGP public key (input " + source + ")", e);
    }
    throw new SigningException("could not read public key: it holds no key (input " + source + ")");
  }

  /** Reads a public key file such as {@code signing-key.pub.asc} or {@code gpg --export --armor} output. */
  public static SignatureVerifier fromFile(Path file) throws SigningException {
    try {
      return fromBytes(Files.readAllBytes(file), file.toString());
    } catch (IOException e) {
      throw new SigningException("could not read public key: " + e.getMessage() + " (input " + file + ")", e);
    }
  }

  /** The trusted certificate's primary fingerprint. */
  public Fingerprint fingerprint() {
    return primary;
  }

  /** Starts a streaming check of {@code signature}; feed it the data, then call {@link Check#verify()}. */
  public Check start(byte[] signature, String subject) throws IntegrityException {
    PGPSignature sig = parse(signature, subject);
    PGPPublicKey key = ring.getPublicKey(sig.getKeyID());
    if (key == null) {
      throw new IntegrityException(subject, "signature of " + subject + " was made by key "
          + String.format("%016X", sig.getKeyID()) + ", not by the trusted key " + primary + " (wrong key?)");
    }
    if (sig.getSignatureType() != PGPSignature.BINARY_DOCUMENT) {
      throw new IntegrityException(subject, "signature of " + subject + " is not a binary-document signature");
    }
    if (sig.getHashAlgorithm() == HashAlgorithmTags.MD5 || sig.getHashAlgorithm() == HashAlgorithmTags.SHA1) {
      throw new IntegrityException(subject, "signature of " + subject + " uses a weak hash (MD5/SHA-1)");
    }
    try {
      sig.init(new BcPGPContentVerifierBuilderProvider(), key);
    } catch (PGPException e) {
      throw new IntegrityException(subject, "could not check signature of " + subject + ": " + e.getMessage(), e);
    }
    return new Check(sig, key, subject);
  }

  /** Verifies {@code signature} over everything read from {@code data}. */
  public VerifiedSignature verify(InputStream data, byte[] signature, String subject)
      throws IOException, IntegrityException {
    Check check = start(signature, subject);
    byte[] buf = new byte[1 << 16];
    for (int n; (n = data.read(buf)) > 0; ) {
      check.update(buf, 0, n);
    }
    return check.verify();
  }

  private static PGPSignature parse(byte[] signature, String subject) throws IntegrityException {
    List<PGPSignature> found = new ArrayList<>();
    try (InputStream in = PGPUtil.getDecoderStream(new ByteArrayInputStream(signature))) {
      BcPGPObjectFactory factory = new BcPGPObjectFactory(in);
      for (Object o; (o = factory.nextObject()) != null; ) {
        if (o instanceof PGPSignatureList list) {
          list.forEach(found::add);
        }
      }
    } catch (IOException | RuntimeException e) {
      throw new IntegrityException(subject, "signature of " + subject + " is not an OpenPGP signature", e);
    }
    if (found.size() != 1) {
      throw new IntegrityException(subject, "signature of " + subject + " must hold exactly one OpenPGP signature, found "
          + found.size());
    }
    return found.get(0);
  }

  /** One signature check in progress. Not thread-safe. */
  public final class Check {
    private final PGPSignature sig;
    private final PGPPublicKey key;
    private final String subject;

    private Check(PGPSignature sig, PGPPublicKey key, String subject) {
      this.sig = sig;
      this.key = key;
      this.subject = subject;
    }

    public void update(byte[] b, int off, int len) {
      sig.update(b, off, len);
    }

    /** Finishes the check; throws naming the subject when the data does not match. */
    public VerifiedSignature verify() throws IntegrityException {
      try {
        if (!sig.verify()) {
          throw new IntegrityException(subject, "signature of " + subject + " does not match its content"
              + " (the file was modified, truncated or signed by another key)");
        }
      } catch (PGPException e) {
        throw new IntegrityException(subject, "could not check signature of " + subject + ": " + e.getMessage(), e);
      }
      return new VerifiedSignature(Fingerprint.of(key.getFingerprint()), primary, sig.getCreationTime().toInstant());
    }
  }
}
