package io.kubeferry.core.sign;

import java.util.Locale;

/** The key algorithms kubeferry generates; both are verified by GnuPG 2.2. */
public enum KeyType {
  /** Legacy EdDSA (OpenPGP algorithm 22) over Ed25519, the form GnuPG 2.2 imports. */
  ED25519,
  /** RSA with a 4096-bit modulus. */
  RSA4096;

  /** Parses {@code ed25519} or {@code rsa4096} (case-insensitive). */
  public static KeyType parse(String text) {
    for (KeyType t : values()) {
      if (t.name().equalsIgnoreCase(text)) {
        return t;
      }
    }
    throw new IllegalArgumentException("unknown key type '" + text + "' (expected ed25519 or rsa4096)");
  }

  @Override
  public String toString() {
    return name().toLowerCase(Locale.ROOT);
  }
}
