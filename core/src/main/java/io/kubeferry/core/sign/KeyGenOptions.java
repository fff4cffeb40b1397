package io.kubeferry.core.sign;

import java.time.Instant;
import java.util.Objects;

/**
 * Inputs of {@link KeyGenerator#generate}.
 *
 * @param type key algorithm
 * @param userId OpenPGP user id, e.g. {@code "kubeferry bundles <ops@example.org>"}
 * @param passphrase protects the secret key; null or empty leaves it unprotected
 * @param created key creation time (second precision)
 */
public record KeyGenOptions(KeyType type, String userId, char[] passphrase, Instant created) {
  public KeyGenOptions {
    Objects.requireNonNull(type, "type");
    Objects.requireNonNull(userId, "userId");
    Objects.requireNonNull(created, "created");
    if (userId.isBlank()) {
      throw new IllegalArgumentException("the key's user id must not be blank");
    }
  }

  /** Defaults: the given type, user id {@code kubeferry bundle signing}, no passphrase, now. */
  public static KeyGenOptions of(KeyType type) {
    return new KeyGenOptions(type, "kubeferry bundle signing", null, Instant.now());
  }

  public KeyGenOptions withPassphrase(char[] pass) {
    return new KeyGenOptions(type, userId, pass, created);
  }

  public KeyGenOptions withUserId(String id) {
    return new KeyGenOptions(type, id, passphrase, created);
  }
}
