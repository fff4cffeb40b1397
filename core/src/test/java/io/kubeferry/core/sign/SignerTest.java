package io.kubeferry.core.sign;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.kubeferry.core.IntegrityException;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class SignerTest {
  @TempDir Path dir;
  private Gpg gpg;

  @BeforeEach
  void gpg() throws Exception {
    gpg = new Gpg(dir);
  }

  @AfterEach
  void stop() throws Exception {
    gpg.close();
  }

  @ParameterizedTest
  @EnumSource(KeyType.class)
  void realGpgAcceptsOurSignatures(KeyType type) throws Exception {
    char[] pass = "s3cret".toCharArray();
    GeneratedKey key = KeyGenerator.generate(KeyGenOptions.of(type).withPassphrase(pass));
    key.writeTo(dir);
    Signer signer = Signer.fromFile(dir.resolve(GeneratedKey.SECRET_FILE), pass);
    assertEquals(key.fingerprint(), signer.fingerprint());

    Path data = Files.writeString(dir.resolve("data.txt"), "hello bundle\n");
    Path sig = dir.resolve("data.txt.asc");
    Files.write(sig, signer.signArmored(Files.readAllBytes(data)));
    assertTrue(Files.readString(sig).startsWith("-----BEGIN PGP SIGNATURE-----"));

    gpg.ok("--import", dir.resolve(GeneratedKey.PUBLIC_FILE).toString());
    Gpg.Result r = gpg.run("--status-fd", "1", "--verify", sig.toString(), data.toString());
    assertEquals(0, r.exit(), r.output());
    assertTrue(r.output().contains("[GNUPG:] VALIDSIG " + key.fingerprint()), r.output());
    // VALIDSIG fields: fpr date ts expire version reserved pubkey-algo hash-algo; hash 8 = SHA-256
    String validsig = r.output().lines().filter(l -> l.contains("VALIDSIG")).findFirst().orElseThrow();
    assertEquals("8", validsig.split(" ")[9], validsig);

    Files.writeString(data, "hello bundlf\n");
    assertNotEquals(0, gpg.run("--verify", sig.toString(), data.toString()).exit());
  }

  @Test
  void weVerifySignaturesMadeByRealGpgAndRejectTheWrongKey() throws Exception {
    gpg.ok("--quick-gen-key", "gpg made <gpg@example.org>", "ed25519", "sign", "never");
    Path pub = dir.resolve("gpg.pub.asc");
    Files.writeString(pub, gpg.ok("--export", "--armor").output());
    Path data = Files.write(dir.resolve("blob"), new byte[] {1, 2, 3, 4});
    Path sig = dir.resolve("blob.asc");
    gpg.ok("--armor", "--detach-sign", "--output", sig.toString(), data.toString());

    SignatureVerifier verifier = SignatureVerifier.fromFile(pub);
    VerifiedSignature ok = verifier.verify(Files.newInputStream(data), Files.readAllBytes(sig), "blob");
    assertEquals(verifier.fingerprint(), ok.primary());

    IntegrityException tampered = assertThrows(IntegrityException.class, () -> verifier.verify(
        new ByteArrayInputStream(new byte[] {1, 2, 3, 5}), Files.readAllBytes(sig), "blob"));
    assertTrue(tampered.getMessage().contains("blob"), tampered.getMessage());

    GeneratedKey other = KeyGenerator.generate(KeyGenOptions.of(KeyType.ED25519));
    SignatureVerifier wrong = SignatureVerifier.fromBytes(other.publicKeyArmored().getBytes(StandardCharsets.US_ASCII),
        "other.asc");
    IntegrityException e = assertThrows(IntegrityException.class,
        () -> wrong.verify(Files.newInputStream(data), Files.readAllBytes(sig), "blob"));
    assertTrue(e.getMessage().contains("wrong key"), e.getMessage());
  }

  @Test
  void aGpgSecretKeyCanSignForUs() throws Exception {
    gpg.ok("--quick-gen-key", "gpg rsa <rsa@example.org>", "rsa3072", "sign", "never");
    byte[] secret = gpg.ok("--export-secret-keys", "--armor").output().getBytes(StandardCharsets.US_ASCII);
    Signer signer = Signer.fromEnvironment(Map.of(Signer.KEY_ENV, new String(secret, StandardCharsets.US_ASCII)));
    Path data = Files.writeString(dir.resolve("repomd.xml"), "<repomd/>");
    Path sig = dir.resolve("repomd.xml.asc");
    Files.write(sig, signer.signArmored(Files.readAllBytes(data)));
    Gpg.Result r = gpg.run("--verify", sig.toString(), data.toString());
    assertEquals(0, r.exit(), r.output());
  }

  @Test
  void sameKeyDataAndTimeGiveTheSameSignature() throws Exception {
    GeneratedKey key = KeyGenerator.generate(KeyGenOptions.of(KeyType.ED25519));
    Signer s = Signer.fromBytes(key.secretKeyArmored().getBytes(StandardCharsets.US_ASCII), null, "mem");
    Instant t = Instant.parse("2030-01-01T00:00:00Z");
    byte[] a = s.signArmored(new ByteArrayInputStream(new byte[] {9}), t);
    byte[] b = s.signArmored(new ByteArrayInputStream(new byte[] {9}), t);
    assertArrayEquals(a, b);
  }

  @Test
  void protectedKeyNeedsItsPassphrase() throws Exception {
    GeneratedKey key = KeyGenerator.generate(KeyGenOptions.of(KeyType.ED25519).withPassphrase("pw".toCharArray()));
    byte[] bytes = key.secretKeyArmored().getBytes(StandardCharsets.US_ASCII);
    SigningException none = assertThrows(SigningException.class, () -> Signer.fromBytes(bytes, null, "k.asc"));
    assertTrue(none.getMessage().contains(Signer.PASSPHRASE_ENV) && none.getMessage().contains("k.asc"),
        none.getMessage());
    SigningException wrong = assertThrows(SigningException.class,
        () -> Signer.fromBytes(bytes, "nope".toCharArray(), "k.asc"));
    assertTrue(wrong.getMessage().contains("wrong passphrase"), wrong.getMessage());
    SigningException notAKey = assertThrows(SigningException.class,
        () -> Signer.fromBytes("hello".getBytes(StandardCharsets.US_ASCII), null, "junk.asc"));
    assertTrue(notAKey.getMessage().contains("junk.asc"), notAKey.getMessage());
  }
}
