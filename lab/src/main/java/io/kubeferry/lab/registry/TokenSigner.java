package io.kubeferry.lab.registry;

import io.kubeferry.core.Json;
import java.io.IOException;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.Signature;
import java.security.cert.X509Certificate;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Base64;
import java.util.Date;
import java.util.List;
import java.util.UUID;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.cert.jcajce.JcaX509v3CertificateBuilder;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;

/**
 * Signs registry bearer tokens (ES256 JWTs, P-256) with a self-signed certificate that the registry trusts through
 * its {@code rootcertbundle}. distribution 2.8 finds the signing key through the {@code x5c} header (the chain is
 * verified against the bundle), so every token carries the certificate there. JWS wants the raw R||S signature, which
 * is what {@code SHA256withECDSAinP1363Format} produces. EC rather than RSA because key generation is fast; one key
 * per JVM anyway. Thread-safe.
 */
final class TokenSigner {
  static final String ISSUER = "kubeferry-lab-token-issuer";
  private static TokenSigner shared;

  private final KeyPair keyPair;
  private final X509Certificate certificate;

  private TokenSigner(KeyPair keyPair, X509Certificate certificate) {
    this.keyPair = keyPair;
    this.certificate = certificate;
  }

  /** The signer shared by every lab registry of this JVM, created on first use. */
  static synchronized TokenSigner shared() throws IOException {
    if (shared == null) {
      try {
        KeyPairGenerator gen = KeyPairGenerator.getInstance("EC");
        gen.initialize(new java.security.spec.ECGenParameterSpec("secp256r1"));
        KeyPair kp = gen.generateKeyPair();
        X500Name name = new X500Name("CN=kubeferry lab token signer");
        Instant now = Instant.now();
        // No extended key usage: Go's x509 verification then accepts the certificate for any purpose.
        var builder = new JcaX509v3CertificateBuilder(name, BigInteger.valueOf(now.toEpochMilli()),
            Date.from(now.minus(1, ChronoUnit.DAYS)), Date.from(now.plus(3650, ChronoUnit.DAYS)), name,
            kp.getPublic());
        var signer = new JcaContentSignerBuilder("SHA256withECDSA").build(kp.getPrivate());
        X509Certificate cert = new JcaX509CertificateConverter().getCertificate(builder.build(signer));
        shared = new TokenSigner(kp, cert);
      } catch (GeneralSecurityException | org.bouncycastle.operator.OperatorCreationException e) {
        throw new IOException("could not create the lab token signing key: " + e.getMessage(), e);
      }
    }
    return shared;
  }

  /** The certificate as PEM, for the registry's {@code rootcertbundle}. */
  String certificatePem() throws IOException {
    try {
      String b64 = Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.US_ASCII))
          .encodeToString(certificate.getEncoded());
      return "-----BEGIN CERTIFICATE-----\n" + b64 + "\n-----END CERTIFICATE-----\n";
    } catch (GeneralSecurityException e) {
      throw new IOException("could not encode the lab token certificate: " + e.getMessage(), e);
    }
  }

  /** A repository access grant inside a token. */
  record Access(String type, String name, List<String> actions) {
  }

  /** A signed JWT for {@code service} granting {@code access} to {@code subject}, valid for {@code ttlSeconds}. */
  String sign(String service, String subject, List<Access> access, long ttlSeconds) throws IOException {
    try {
      String header = "{\"typ\":\"JWT\",\"alg\":\"ES256\",\"x5c\":[\""
          + Base64.getEncoder().encodeToString(certificate.getEncoded()) + "\"]}";
      long now = Instant.now().getEpochSecond();
      StringBuilder claims = new StringBuilder("{\"iss\":").append(Json.write(ISSUER))
          .append(",\"sub\":").append(Json.write(subject))
          .append(",\"aud\":").append(Json.write(service))
          .append(",\"exp\":").append(now + ttlSeconds)
          .append(",\"nbf\":").append(now - 60)
          .append(",\"iat\":").append(now)
          .append(",\"jti\":").append(Json.write(UUID.randomUUID().toString()))
          .append(",\"access\":[");
      for (int i = 0; i < access.size(); i++) {
        Access a = access.get(i);
        claims.append(i == 0 ? "" : ",").append("{\"type\":").append(Json.write(a.type()))
            .append(",\"name\":").append(Json.write(a.name())).append(",\"actions\":[");
        for (int j = 0; j < a.actions().size(); j++) {
          claims.append(j == 0 ? "" : ",").append(Json.write(a.actions().get(j)));
        }
        claims.append("]}");
      }
      claims.append("]}");
      Base64.Encoder url = Base64.getUrlEncoder().withoutPadding();
      String signingInput = url.encodeToString(header.getBytes(StandardCharsets.UTF_8)) + "."
          + url.encodeToString(claims.toString().getBytes(StandardCharsets.UTF_8));
      Signature sig = Signature.getInstance("SHA256withECDSAinP1363Format");
      sig.initSign(keyPair.getPrivate());
      sig.update(signingInput.getBytes(StandardCharsets.US_ASCII));
      return signingInput + "." + url.encodeToString(sig.sign());
    } catch (GeneralSecurityException e) {
      throw new IOException("could not sign a lab token: " + e.getMessage(), e);
    }
  }
}
