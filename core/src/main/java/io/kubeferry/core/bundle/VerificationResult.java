package io.kubeferry.core.bundle;

import io.kubeferry.core.sign.VerifiedSignature;

/**
 * What {@link BundleVerifier} checked, for the "verification passed" report.
 *
 * @param source the tarball (and parts) or directory verified
 * @param tarballSignature the detached tarball signature; null when a directory was verified
 * @param manifestSignature the signature of {@link BundleLayout#MANIFEST} inside
 * @param manifest the verified manifest
 * @param files how many files matched their listed sha256 and size (the manifest and its signature excluded)
 * @param bytes how many content bytes were hashed
 */
public record VerificationResult(
    String source,
    VerifiedSignature tarballSignature,
    VerifiedSignature manifestSignature,
    BundleManifest manifest,
    int files,
    long bytes) {}
