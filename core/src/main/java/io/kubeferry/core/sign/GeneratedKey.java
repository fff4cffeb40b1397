package io.kubeferry.core.sign;

import io.kubeferry.core.io.AtomicFiles;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * A freshly generated key pair, both halves ASCII-armored.
 *
 * @param fingerprint the primary key's fingerprint
 * @param secretKeyArmored transferable secret key (protected when a passphrase was given)
 * @param publicKeyArmored transferable public key, what {@code gpg --import} and {@code --key} take
 */
public record GeneratedKey(Fingerprint fingerprint, KeyType type, String secretKeyArmored, String publicKeyArmored) {
  /** File name of the secret key written by {@link #writeTo}. */
  public static final String SECRET_FILE = "signing-key.asc";
  /** File name of the public key written by {@link #writeTo}. */
  public static final String PUBLIC_FILE = "signing-key.pub.asc";

  /**
   * Writes {@value #SECRET_FILE} (mode 0600) and {@value #PUBLIC_FILE} into {@code dir}, refusing to overwrite an
   * existing secret key.
   */
  public Path writeTo(Path dir) throws IOException {
    Path secret = dir.resolve(SECRET_FILE);
    if (Files.exists(secret)) {
      throw new IOException("could not write key: " + secret + " already exists (move it away or choose another -o)");
    }
    AtomicFiles.writePrivate(secret, secretKeyArmored.getBytes(StandardCharsets.US_ASCII));
    AtomicFiles.write(dir.resolve(PUBLIC_FILE), publicKeyArmored.getBytes(StandardCharsets.US_ASCII));
    return secret;
  }

  @Override
  public String toString() {
    return "GeneratedKey[" + type + " " + fingerprint + "]"; // never print the secret
  }
}
