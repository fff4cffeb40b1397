package io.kubeferry.cli.rpm;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import org.bouncycastle.bcpg.ArmoredOutputStream;
import org.bouncycastle.openpgp.PGPException;
import org.bouncycastle.openpgp.PGPPublicKey;
import org.bouncycastle.openpgp.PGPPublicKeyRing;
import org.bouncycastle.openpgp.PGPSecretKeyRing;
import org.bouncycastle.openpgp.PGPSecretKeyRingCollection;
import org.bouncycastle.openpgp.PGPUtil;
import org.bouncycastle.openpgp.operator.jcajce.JcaKeyFingerprintCalculator;

/** Derives the armored public key (what dnf imports from repomd.xml.key) from a secret key file. */
final class PublicKeyExport {
  private PublicKeyExport() {}

  static String armored(Path secretKeyFile) throws IOException {
    try (InputStream in = PGPUtil.getDecoderStream(new ByteArrayInputStream(Files.readAllBytes(secretKeyFile)))) {
      PGPSecretKeyRingCollection rings = new PGPSecretKeyRingCollection(in, new JcaKeyFingerprintCalculator());
      ByteArrayOutputStream out = new ByteArrayOutputStream();
      try (ArmoredOutputStream armor = ArmoredOutputStream.builder().clearHeaders().build(out)) {
        for (Iterator<PGPSecretKeyRing> it = rings.getKeyRings(); it.hasNext(); ) {
          List<PGPPublicKey> keys = new ArrayList<>();
          it.next().getPublicKeys().forEachRemaining(keys::add);
          new PGPPublicKeyRing(keys).encode(armor, true);
        }
      }
      return out.toString(StandardCharsets.US_ASCII);
    } catch (PGPException e) {
      throw new IOException("could not read signing key: " + e.getMessage() + " (input " + secretKeyFile + ")", e);
    }
  }
}
