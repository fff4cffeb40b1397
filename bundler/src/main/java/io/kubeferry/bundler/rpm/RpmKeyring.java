package io.kubeferry.bundler.rpm;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.Iterator;
import java.util.List;
import org.bouncycastle.openpgp.PGPException;
import org.bouncycastle.openpgp.PGPPublicKey;
import org.bouncycastle.openpgp.PGPPublicKeyRing;
import org.bouncycastle.openpgp.PGPPublicKeyRingCollection;
import org.bouncycastle.openpgp.PGPUtil;
import org.bouncycastle.openpgp.operator.jcajce.JcaKeyFingerprintCalculator;

/**
 * The OpenPGP public keys a repository's packages may be signed with (for example its {@code RPM-GPG-KEY}).
 * Immutable and thread-safe.
 */
public final class RpmKeyring {
  private final List<PGPPublicKey> keys;

  private RpmKeyring(List<PGPPublicKey> keys) {
    this.keys = List.copyOf(keys);
  }

  /** Parses one or more armored (or binary) public keys. */
  public static RpmKeyring parse(byte[] keyData, String source) throws RpmException {
    List<PGPPublicKey> keys = new ArrayList<>();
    try (InputStream in = PGPUtil.getDecoderStream(new ByteArrayInputStream(keyData))) {
      PGPPublicKeyRingCollection rings = new PGPPublicKeyRingCollection(in, new JcaKeyFingerprintCalculator());
      for (Iterator<PGPPublicKeyRing> it = rings.getKeyRings(); it.hasNext(); ) {
        it.next().getPublicKeys().forEachRemaining(keys::add);
      }
    } catch (IOException | PGPException | RuntimeException e) {
      throw new RpmException("could not read OpenPGP public key: " + e.getMessage()
          + " — pass an armored public key such as the repo's RPM-GPG-KEY (input " + source + ")", null, e);
    }
    if (keys.isEmpty()) {
      throw new RpmException("could not read OpenPGP public key: no key found (input " + source + ")", null);
    }
    return new RpmKeyring(keys);
  }

  /** Parses armored key text. */
  public static RpmKeyring parse(String armored, String source) throws RpmException {
    return parse(armored.getBytes(StandardCharsets.US_ASCII), source);
  }

  /** Reads a key file. */
  public static RpmKeyring load(Path file) throws RpmException {
    try {
      return parse(Files.readAllBytes(file), file.toString());
    } catch (IOException e) {
      throw new RpmException("could not read OpenPGP public key: " + e.getMessage() + " (input " + file + ")",
          file, e);
    }
  }

  /** The key (primary or subkey) with this 64-bit key id, or null. */
  PGPPublicKey find(long keyId) {
    for (PGPPublicKey k : keys) {
      if (k.getKeyID() == keyId) {
        return k;
      }
    }
    return null;
  }

  /** Fingerprints of all keys, upper-case hex. */
  public List<String> fingerprints() {
    return keys.stream().map(k -> HexFormat.of().withUpperCase().formatHex(k.getFingerprint())).toList();
  }
}
