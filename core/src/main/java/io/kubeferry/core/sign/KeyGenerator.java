package io.kubeferry.core.sign;

import java.math.BigInteger;
import java.security.SecureRandom;
import java.util.Date;
import org.bouncycastle.bcpg.HashAlgorithmTags;
import org.bouncycastle.bcpg.PublicKeyAlgorithmTags;
import org.bouncycastle.bcpg.PublicKeyPacket;
import org.bouncycastle.bcpg.SymmetricKeyAlgorithmTags;
import org.bouncycastle.bcpg.sig.Features;
import org.bouncycastle.bcpg.sig.KeyFlags;
import org.bouncycastle.crypto.AsymmetricCipherKeyPair;
import org.bouncycastle.crypto.generators.Ed25519KeyPairGenerator;
import org.bouncycastle.crypto.generators.RSAKeyPairGenerator;
import org.bouncycastle.crypto.params.Ed25519KeyGenerationParameters;
import org.bouncycastle.crypto.params.RSAKeyGenerationParameters;
import org.bouncycastle.openpgp.PGPException;
import org.bouncycastle.openpgp.PGPKeyPair;
import org.bouncycastle.openpgp.PGPKeyRingGenerator;
import org.bouncycastle.openpgp.PGPPublicKeyRing;
import org.bouncycastle.openpgp.PGPSecretKeyRing;
import org.bouncycastle.openpgp.PGPSignature;
import org.bouncycastle.openpgp.PGPSignatureSubpacketGenerator;
import org.bouncycastle.openpgp.operator.PBESecretKeyEncryptor;
import org.bouncycastle.openpgp.operator.bc.BcPBESecretKeyEncryptorBuilder;
import org.bouncycastle.openpgp.operator.bc.BcPGPContentSignerBuilder;
import org.bouncycastle.openpgp.operator.bc.BcPGPDigestCalculatorProvider;
import org.bouncycastle.openpgp.operator.bc.BcPGPKeyPair;

/**
 * Generates gpg-compatible signing keys: a single v4 primary key that certifies and signs, self-signed with SHA-256.
 * BouncyCastle's own defaults (v6-style Ed25519 id 27, SHA3 hashes) are avoided because GnuPG 2.2 rejects them.
 * Thread-safe (stateless).
 */
public final class KeyGenerator {
  private KeyGenerator() {}

  /** Generates a key pair as described by {@code options}. RSA-4096 takes a few seconds. */
  public static GeneratedKey generate(KeyGenOptions options) throws SigningException {
    SecureRandom random = new SecureRandom();
    Date created = Date.from(options.created().truncatedTo(java.time.temporal.ChronoUnit.SECONDS));
    try {
      PGPKeyPair pair = switch (options.type()) {
        case ED25519 -> {
          Ed25519KeyPairGenerator gen = new Ed25519KeyPairGenerator();
          gen.init(new Ed25519KeyGenerationParameters(random));
          yield pair(PublicKeyAlgorithmTags.EDDSA_LEGACY, gen.generateKeyPair(), created);
        }
        case RSA4096 -> {
          RSAKeyPairGenerator gen = new RSAKeyPairGenerator();
          gen.init(new RSAKeyGenerationParameters(BigInteger.valueOf(0x10001), random, 4096, 100));
          yield pair(PublicKeyAlgorithmTags.RSA_GENERAL, gen.generateKeyPair(), created);
        }
      };
      PGPSignatureSubpacketGenerator hashed = new PGPSignatureSubpacketGenerator();
      hashed.setKeyFlags(false, KeyFlags.CERTIFY_OTHER | KeyFlags.SIGN_DATA);
      hashed.setPreferredHashAlgorithms(false, new int[] {HashAlgorithmTags.SHA512, HashAlgorithmTags.SHA256});
      hashed.setPreferredSymmetricAlgorithms(
          false, new int[] {SymmetricKeyAlgorithmTags.AES_256, SymmetricKeyAlgorithmTags.AES_128});
      hashed.setFeature(false, Features.FEATURE_MODIFICATION_DETECTION);
      hashed.setIssuerFingerprint(false, pair.getPublicKey());
      PGPKeyRingGenerator rings = new PGPKeyRingGenerator(
          PGPSignature.POSITIVE_CERTIFICATION,
          pair,
          options.userId(),
          new BcPGPDigestCalculatorProvider().get(HashAlgorithmTags.SHA1), // the v4 secret-key checksum is SHA-1
          hashed.generate(),
          null,
          new BcPGPContentSignerBuilder(pair.getPublicKey().getAlgorithm(), HashAlgorithmTags.SHA256),
          encryptor(options.passphrase(), random));
      PGPSecretKeyRing secret = rings.generateSecretKeyRing();
      PGPPublicKeyRing pub = rings.generatePublicKeyRing();
      return new GeneratedKey(
          Fingerprint.of(pub.getPublicKey().getFingerprint()),
          options.type(),
          Armor.armor(secret::encode),
          Armor.armor(pub::encode));
    } catch (PGPException e) {
      throw new SigningException("could not generate a " + options.type() + " key: " + e.getMessage(), e);
    }
  }

  private static PGPKeyPair pair(int algorithm, AsymmetricCipherKeyPair kp, Date created) throws PGPException {
    return new BcPGPKeyPair(PublicKeyPacket.VERSION_4, algorithm, kp, created);
  }

  private static PBESecretKeyEncryptor encryptor(char[] passphrase, SecureRandom random) throws PGPException {
    if (passphrase == null || passphrase.length == 0) {
      return null;
    }
    return new BcPBESecretKeyEncryptorBuilder(
            SymmetricKeyAlgorithmTags.AES_256,
            new BcPGPDigestCalculatorProvider().get(HashAlgorithmTags.SHA256),
            0xc0) // iterated+salted S2K, ~65M bytes hashed like gpg's default calibration
        .setSecureRandom(random)
        .build(passphrase);
  }
}
