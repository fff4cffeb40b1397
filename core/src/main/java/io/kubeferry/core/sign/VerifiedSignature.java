package io.kubeferry.core.sign;

import java.time.Instant;

/**
 * A signature that checked out.
 *
 * @param signer fingerprint of the key that made it (the signing subkey when a subkey signed)
 * @param primary fingerprint of the certificate's primary key, what users compare
 * @param created the signature's creation time
 */
public record VerifiedSignature(Fingerprint signer, Fingerprint primary, Instant created) {}
