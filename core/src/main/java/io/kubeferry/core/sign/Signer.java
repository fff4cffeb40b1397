package io.kubeferry.core.sign;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Date;
import java.util.Iterator;
import java.util.Map;
import org.bouncycastle.bcpg.HashAlgorithmTags;
import org.bouncycastle.bcpg.PublicKeyAlgorithmTags;
import org.bouncycastle.openpgp.PGPException;
import org.bouncycastle.openpgp.PGPPrivateKey;
import org.bouncycastle.openpgp.PGPPublicKey;
import org.bouncycastle.openpgp.PGPPublicKeyRing;
import org.bouncycastle.openpgp.PGPSecretKey;
import org.bouncycastle.openpgp.PGPSecretKeyRing;
import org.bouncycastle.openpgp.PGPSecretKeyRingCollection;
import org.bouncycastle.openpgp.PGPSignature;
import org.bouncycastle.openpgp.PGPSignatureGenerator;
import org.bouncycastle.openpgp.PGPSignatureSubpacketGenerator;
import org.bouncycastle.openpgp.PGPUtil;
import org.bouncycastle.openpgp.operator.bc.BcKeyFingerprintCalculator;
import org.bouncycastle.openpgp.operator.bc.BcPBESecretKeyDecryptorBuilder;
import org.bouncycastle.openpgp.operator.bc.BcPGPContentSignerBuilder;
import org.bouncycastle.openpgp.operator.bc.BcPGPDigestCalculatorProvider;

/**
 * Makes detached, ASCII-armored OpenPGP signatures (SHA-256, binary document) that {@code gpg --verify} accepts.
 * Loads a secret key from a file or from the environment ({@value #KEY_ENV} holds the armored key itself,
 * {@value #PASSPHRASE_ENV} its passphrase). Usable as a yum {@code RepomdSigner} through {@link #signArmored(byte[])}.
 * Thread-safe: each signature uses its own generator.
 */
public final class Signer {
  /** Environment variable holding an ASCII-armored secret key. */
  public static final String KEY_ENV = "KUBEFERRY_SIGNING_KEY";
  /** Environment variable holding the secret key's passphrase. */
  public static final String PASSPHRASE_ENV = "KUBEFERRY_SIGNING_KEY_PASSPHRASE";

  private final PGPPrivateKey privateKey;
  private final PGPPublicKey publicKey;
  private final Fingerprint fingerprint;
  private final PGPPublicKeyRing publicRing;

  private Signer(PGPPrivateKey privateKey, PGPPublicKey publicKey, PGPPublicKeyRing publicRing) {
    this.privateKey = privateKey;
    this.publicKey = publicKey;
    this.publicRing = publicRing;
    this.fingerprint = Fingerprint.of(publicKey.getFingerprint());
  }

  /** Reads an armored or binary secret key file; {@code passphrase} may be null for an unprotected key. */
  public static Signer fromFile(Path file, char[] passphrase) throws SigningException {
    byte[] bytes;
    try {
      bytes = Files.readAllBytes(file);
    } catch (IOException e) {
      throw new SigningException("could not read signing key: " + e.getMessage() + " (input " + file + ")", e);
    }
    return fromBytes(bytes, passphrase, file.toString());
  }

  /** Reads the key from {@value #KEY_ENV} and the passphrase from {@value #PASSPHRASE_ENV} in {@code env}. */
  public static Signer fromEnvironment(Map<String, String> env) throws SigningException {
    String key = env.get(KEY_ENV);
    if (key == null || key.isBlank()) {
      throw new SigningException("could not load signing key: " + KEY_ENV + " is not set");
    }
    String pass = env.get(PASSPHRASE_ENV);
    return fromBytes(key.getBytes(StandardCharsets.US_ASCII), pass == null ? null : pass.toCharArray(), "$" + KEY_ENV);
  }

  /** Reads a secret key from bytes; {@code source} names them in error messages. */
  public static Signer fromBytes(byte[] bytes, char[] passphrase, String source) throws SigningException {
    PGPSecretKeyRing ring = findRing(bytes, source);
    PGPSecretKey secret = signingKey(ring, source);
    PGPPrivateKey priv;
    try {
      priv = secret.extractPrivateKey(new BcPBESecretKeyDecryptorBuilder(new BcPGPDigestCalculatorProvider())
          .build(passphrase == null ? new char[0] : passphrase));
    } catch (PGPException e) {
      String hint = passphrase == null || passphrase.length == 0
          ? "the key is protected: set " + PASSPHRASE_ENV + " or give the passphrase"
          : "wrong passphrase";
      throw new SigningException("could not unlock signing key: " + hint + " (input " + source + ")", e);
    }
    if (priv == null) {
      throw new SigningException("could not unlock signing key: no private key material (input " + source + ")");
    }
    java.util.List<PGPPublicKey> pubs = new java.util.ArrayList<>();
    ring.getPublicKeys().forEachRemaining(pubs::add);
    return new Signer(priv, secret.getPublicKey(), new PGPPublicKeyRing(pubs));
  }

  private static PGPSecretKeyRing findRing(byte[] bytes, String source) throws SigningException {
    try (InputStream in = PGPUtil.getDecoderStream(new ByteArrayInputStream(bytes))) {
      PGPSecretKeyRingCollection rings = new PGPSecretKeyRingCollection(in, new BcKeyFingerprintCalculator());
      Iterator<PGPSecretKeyRing> it = rings.getKeyRings();
      if (it.hasNext()) {
        return it.next();
      }
    } catch (IOException | PGPException | RuntimeException e) {
      throw new SigningException("could not read signing key: not an OpenPGP secret key (input " + source + ")", e);
    }
    throw new SigningException("could not read signing key: no secret key in it (input " + source + ")");
  }

  // gpg keys often sign with a subkey; take the first key that may sign and has private material.
  private static PGPSecretKey signingKey(PGPSecretKeyRing ring, String source) throws SigningException {
    for (Iterator<PGPSecretKey> keys = ring.getSecretKeys(); keys.hasNext(); ) {
      PGPSecretKey k = keys.next();
      if (k.isSigningKey() && !k.isPrivateKeyEmpty() && supported(k.getPublicKey().getAlgorithm())) {
        return k;
      }
    }
    throw new SigningException("could not read signing key: no RSA or EdDSA signing key in it (input " + source + ")");
  }

  private static boolean supported(int algorithm) {
    return algorithm == PublicKeyAlgorithmTags.EDDSA_LEGACY
        || algorithm == PublicKeyAlgorithmTags.RSA_GENERAL
        || algorithm == PublicKeyAlgorithmTags.RSA_SIGN;
  }

  /** The signing key's fingerprint. */
  public Fingerprint fingerprint() {
    return fingerprint;
  }

  /** Detached armored signature of {@code data}, dated now. */
  public byte[] signArmored(byte[] data) throws SigningException {
    try {
      return signArmored(new ByteArrayInputStream(data), Instant.now());
    } catch (IOException e) {
      throw new SigningException("could not sign: " + e.getMessage(), e); // cannot happen in memory
    }
  }

  /**
   * Detached armored signature of everything read from {@code data}, with the given creation time. Ed25519 and RSA
   * PKCS#1 v1.5 are deterministic, so the same key, data and time give the same bytes. A time before the key's
   * creation is moved to the key's creation (gpg rejects signatures older than their key).
   */
  public byte[] signArmored(InputStream data, Instant time) throws IOException, SigningException {
    SigningSink sink = newSink(time);
    data.transferTo(sink);
    return sink.signatureArmored();
  }

  /**
   * A sink that signs everything written to it, for signing a tarball while it is written. Call
   * {@link SigningSink#signatureArmored()} once at the end. Not thread-safe.
   */
  public SigningSink newSink(Instant time) throws SigningException {
    Date created = Date.from(time.truncatedTo(java.time.temporal.ChronoUnit.SECONDS));
    if (created.before(publicKey.getCreationTime())) {
      created = publicKey.getCreationTime();
    }
    try {
      PGPSignatureGenerator gen = new PGPSignatureGenerator(
          new BcPGPContentSignerBuilder(publicKey.getAlgorithm(), HashAlgorithmTags.SHA256), publicKey);
      gen.init(PGPSignature.BINARY_DOCUMENT, privateKey);
      PGPSignatureSubpacketGenerator hashed = new PGPSignatureSubpacketGenerator();
      hashed.setSignatureCreationTime(false, created);
      hashed.setIssuerFingerprint(false, publicKey);
      gen.setHashedSubpackets(hashed.generate());
      PGPSignatureSubpacketGenerator unhashed = new PGPSignatureSubpacketGenerator();
      unhashed.setIssuerKeyID(false, publicKey.getKeyID());
      gen.setUnhashedSubpackets(unhashed.generate());
      return new SigningSink(gen, fingerprint);
    } catch (PGPException e) {
      throw new SigningException("could not sign with key " + fingerprint + ": " + e.getMessage(), e);
    }
  }

  /** See {@link #newSink}. */
  public static final class SigningSink extends java.io.OutputStream {
    private final PGPSignatureGenerator gen;
    private final Fingerprint fingerprint;

    private SigningSink(PGPSignatureGenerator gen, Fingerprint fingerprint) {
      this.gen = gen;
      this.fingerprint = fingerprint;
    }

    @Override
    public void write(int b) {
      gen.update((byte) b);
    }

    @Override
    public void write(byte[] b, int off, int len) {
      gen.update(b, off, len);
    }

    /** The detached armored signature of everything written. */
    public byte[] signatureArmored() throws SigningException {
      try {
        PGPSignature sig = gen.generate();
        return Armor.armor(sig::encode).getBytes(StandardCharsets.US_ASCII);
      } catch (PGPException e) {
        throw new SigningException("could not sign with key " + fingerprint + ": " + e.getMessage(), e);
      }
    }
  }

  /** The public half, armored: what verifiers need ({@code --key}). */
  public String publicKeyArmored() {
    return Armor.armor(publicRing::encode);
  }

  @Override
  public String toString() {
    return "Signer[" + fingerprint + "]";
  }
}
