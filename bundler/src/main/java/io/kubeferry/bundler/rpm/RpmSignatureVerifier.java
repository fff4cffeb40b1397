package io.kubeferry.bundler.rpm;

import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.HexFormat;
import org.bouncycastle.jce.provider.BouncyCastleProvider;
import org.bouncycastle.openpgp.PGPException;
import org.bouncycastle.openpgp.PGPPublicKey;
import org.bouncycastle.openpgp.PGPSignature;
import org.bouncycastle.openpgp.PGPSignatureList;
import org.bouncycastle.openpgp.jcajce.JcaPGPObjectFactory;
import org.bouncycastle.openpgp.operator.jcajce.JcaPGPContentVerifierBuilderProvider;

/**
 * Checks an RPM's v4 header signature (RSAHEADER or DSAHEADER signature tag: an OpenPGP signature over the main
 * header bytes) and the header SHA-256 tag. Because the signed header carries the payload digest, the caller then
 * checks the payload against it (see {@link RpmReader}).
 */
final class RpmSignatureVerifier {
  private static final BouncyCastleProvider BC = new BouncyCastleProvider();

  private RpmSignatureVerifier() {}

  /** Returns the signer's long key id (hex) or throws a one-line {@link RpmSignatureException}. */
  static String verifyHeader(Path rpm, HeaderTags sig, byte[] headerBytes, RpmKeyring keyring)
      throws RpmSignatureException {
    String sha256 = sig.string(HeaderTags.SIG_SHA256);
    if (!sha256.isEmpty()) {
      String actual = HexFormat.of().formatHex(sha256(headerBytes));
      if (!actual.equalsIgnoreCase(sha256)) {
        throw new RpmSignatureException("could not verify RPM: header SHA-256 mismatch, the file is corrupt or "
            + "tampered (input " + rpm + ")", rpm);
      }
    }
    byte[] packet = sig.bytes(HeaderTags.SIG_RSAHEADER);
    if (packet == null) {
      packet = sig.bytes(HeaderTags.SIG_DSAHEADER);
    }
    if (packet == null) {
      throw new RpmSignatureException("could not verify RPM: package is not signed (no header signature); "
          + "sign it with rpmsign or fetch it from a repo that signs (input " + rpm + ")", rpm);
    }
    PGPSignature signature;
    try {
      Object o = new JcaPGPObjectFactory(packet).nextObject();
      if (!(o instanceof PGPSignatureList list) || list.isEmpty()) {
        throw new RpmSignatureException("could not verify RPM: header signature is not an OpenPGP signature "
            + "(input " + rpm + ")", rpm);
      }
      signature = list.get(0);
    } catch (java.io.IOException e) {
      throw new RpmSignatureException("could not verify RPM: unreadable header signature: " + e.getMessage()
          + " (input " + rpm + ")", rpm);
    }
    String keyId = String.format("%016x", signature.getKeyID());
    PGPPublicKey key = keyring.find(signature.getKeyID());
    if (key == null) {
      throw new RpmSignatureException("could not verify RPM: signed with key " + keyId
          + ", which is not among the trusted keys " + keyring.fingerprints() + " (input " + rpm + ")", rpm);
    }
    try {
      signature.init(new JcaPGPContentVerifierBuilderProvider().setProvider(BC), key);
      signature.update(headerBytes);
      if (!signature.verify()) {
        throw new RpmSignatureException("could not verify RPM: BAD header signature by key " + keyId
            + ", the file is corrupt or tampered (input " + rpm + ")", rpm);
      }
    } catch (PGPException e) {
      throw new RpmSignatureException("could not verify RPM: " + e.getMessage() + " (input " + rpm + ")", rpm);
    }
    return keyId;
  }

  private static byte[] sha256(byte[] data) {
    try {
      return MessageDigest.getInstance("SHA-256").digest(data);
    } catch (java.security.NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }
}
