package io.kubeferry.bundler.rpm.repo;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Date;
import java.util.Iterator;
import org.bouncycastle.bcpg.ArmoredOutputStream;
import org.bouncycastle.bcpg.HashAlgorithmTags;
import org.bouncycastle.jce.provider.BouncyCastleProvider;
import org.bouncycastle.openpgp.PGPException;
import org.bouncycastle.openpgp.PGPPrivateKey;
import org.bouncycastle.openpgp.PGPSecretKey;
import org.bouncycastle.openpgp.PGPSecretKeyRing;
import org.bouncycastle.openpgp.PGPSecretKeyRingCollection;
import org.bouncycastle.openpgp.PGPSignature;
import org.bouncycastle.openpgp.PGPSignatureGenerator;
import org.bouncycastle.openpgp.PGPSignatureSubpacketGenerator;
import org.bouncycastle.openpgp.PGPUtil;
import org.bouncycastle.openpgp.operator.jcajce.JcaKeyFingerprintCalculator;
import org.bouncycastle.openpgp.operator.jcajce.JcaPGPContentSignerBuilder;
import org.bouncycastle.openpgp.operator.jcajce.JcePBESecretKeyDecryptorBuilder;
import org.bouncycastle.openpgp.operator.jcajce.JcaPGPDigestCalculatorProviderBuilder;

/**
 * A {@link RepomdSigner} from an OpenPGP secret key file (armored or binary, as {@code gpg --export-secret-keys}
 * writes): v4 detached binary-document signature, SHA-256 (BouncyCastle's default is not gpg-compatible), issuer
 * fingerprint subpacket. Interim implementation until {@code io.kubeferry.core.sign.Signer} (same contract:
 * {@code signArmored}) is merged; then the CLI should use that. Thread-safe.
 */
public final class OpenPgpRepomdSigner implements RepomdSigner {
  private static final BouncyCastleProvider BC = new BouncyCastleProvider();

  private final PGPSecretKey secret;
  private final PGPPrivateKey key;

  private OpenPgpRepomdSigner(PGPSecretKey secret, PGPPrivateKey key) {
    this.secret = secret;
    this.key = key;
  }

  /** Loads the first signing-capable secret key of {@code file}; {@code passphrase} may be null. */
  public static OpenPgpRepomdSigner fromFile(Path file, char[] passphrase) throws IOException {
    try (InputStream in = PGPUtil.getDecoderStream(new ByteArrayInputStream(Files.readAllBytes(file)))) {
      PGPSecretKeyRingCollection rings = new PGPSecretKeyRingCollection(in, new JcaKeyFingerprintCalculator());
      for (Iterator<PGPSecretKeyRing> it = rings.getKeyRings(); it.hasNext(); ) {
        for (Iterator<PGPSecretKey> keys = it.next().getSecretKeys(); keys.hasNext(); ) {
          PGPSecretKey k = keys.next();
          if (k.isSigningKey() && !k.isPrivateKeyEmpty()) {
            PGPPrivateKey priv = k.extractPrivateKey(new JcePBESecretKeyDecryptorBuilder(
                    new JcaPGPDigestCalculatorProviderBuilder().setProvider(BC).build())
                .setProvider(BC).build(passphrase == null ? new char[0] : passphrase));
            return new OpenPgpRepomdSigner(k, priv);
          }
        }
      }
      throw new IOException("no signing secret key found — export one with gpg --export-secret-keys --armor"
          + " (input " + file + ")");
    } catch (PGPException | RuntimeException e) {
      throw new IOException("could not load signing key: " + e.getMessage()
          + " (wrong passphrase? set KUBEFERRY_SIGNING_KEY_PASSPHRASE) (input " + file + ")", e);
    }
  }

  /** Upper-case hex fingerprint of the signing key. */
  public String fingerprint() {
    return java.util.HexFormat.of().withUpperCase().formatHex(secret.getPublicKey().getFingerprint());
  }

  @Override
  public byte[] signArmored(byte[] repomd) throws IOException {
    try {
      PGPSignatureGenerator gen = new PGPSignatureGenerator(
          new JcaPGPContentSignerBuilder(secret.getPublicKey().getAlgorithm(), HashAlgorithmTags.SHA256)
              .setProvider(BC), secret.getPublicKey());
      gen.init(PGPSignature.BINARY_DOCUMENT, key);
      PGPSignatureSubpacketGenerator sub = new PGPSignatureSubpacketGenerator();
      sub.setSignatureCreationTime(true, new Date());
      sub.setIssuerFingerprint(false, secret.getPublicKey());
      sub.setIssuerKeyID(false, secret.getKeyID());
      gen.setHashedSubpackets(sub.generate());
      gen.update(repomd);
      ByteArrayOutputStream out = new ByteArrayOutputStream();
      try (ArmoredOutputStream armor = ArmoredOutputStream.builder().clearHeaders().build(out)) {
        gen.generate().encode(armor);
      }
      return out.toByteArray();
    } catch (PGPException e) {
      throw new IOException("could not sign repomd.xml: " + e.getMessage(), e);
    }
  }
}
