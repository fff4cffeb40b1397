package io.kubeferry.core.bundle;

import io.kubeferry.core.IntegrityException;
import io.kubeferry.core.sign.SignatureVerifier;
import io.kubeferry.core.sign.VerifiedSignature;
import java.io.ByteArrayInputStream;
import java.io.IOException;

/** Verifies the manifest's signature with the trusted key, then parses it. */
record ManifestCheck(BundleManifest manifest, VerifiedSignature signature) {
  static final long MAX_SIZE = 64L << 20;

  static ManifestCheck of(SignatureVerifier trusted, byte[] manifest, byte[] signature)
      throws IntegrityException, BundleFormatException {
    VerifiedSignature sig;
    try {
      sig = trusted.verify(new ByteArrayInputStream(manifest), signature, BundleLayout.MANIFEST);
    } catch (IOException e) {
      throw new IllegalStateException(e); // in memory
    }
    return new ManifestCheck(BundleManifestCodec.read(manifest, BundleLayout.MANIFEST), sig);
  }
}
