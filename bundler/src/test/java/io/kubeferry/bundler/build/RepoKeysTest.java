package io.kubeferry.bundler.build;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.kubeferry.bundler.rpm.repo.HttpRepoClient;
import io.kubeferry.bundler.rpm.repo.RepoException;
import io.kubeferry.core.sign.GeneratedKey;
import io.kubeferry.core.sign.KeyGenOptions;
import io.kubeferry.core.sign.KeyGenerator;
import io.kubeferry.core.sign.KeyType;
import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.bouncycastle.openpgp.PGPUtil;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RepoKeysTest {
  @TempDir Path dir;

  private static GeneratedKey key() throws Exception {
    return KeyGenerator.generate(KeyGenOptions.of(KeyType.ED25519).withUserId("upstream"));
  }

  private static SourceRepo repo(String id, boolean signed, String... keys) {
    return new SourceRepo(id, "/r", List.of(keys), signed, "");
  }

  @Test
  void armoredAndBinaryKeysShipAsArmorAtTheRepositorysPath() throws Exception {
    GeneratedKey k8s = key();
    Path k8sFile = Files.writeString(dir.resolve("k8s.asc"), k8s.publicKeyArmored());
    RepoKeys.Loaded loaded = RepoKeys.load(repo("kubernetes", true, k8sFile.toString()), HttpRepoClient.defaults());
    assertEquals("keys/rpm/kubernetes.asc", loaded.bundlePath());
    assertArrayEquals(k8s.publicKeyArmored().getBytes(StandardCharsets.US_ASCII), loaded.armored());
    assertEquals(List.of(k8s.fingerprint().hex()), loaded.fingerprints().subList(0, 1));
    assertNotNull(loaded.config().verifier(), "signed metadata: repomd.xml.asc is checked");

    GeneratedKey docker = key();
    byte[] binary;
    try (InputStream in = PGPUtil.getDecoderStream(
        new ByteArrayInputStream(docker.publicKeyArmored().getBytes(StandardCharsets.US_ASCII)))) {
      binary = in.readAllBytes();
    }
    Path dockerFile = Files.write(dir.resolve("docker.gpg"), binary);
    RepoKeys.Loaded d = RepoKeys.load(repo("docker-ce", false, "file:" + dockerFile), HttpRepoClient.defaults());
    String armored = new String(d.armored(), StandardCharsets.US_ASCII);
    assertTrue(armored.startsWith("-----BEGIN PGP PUBLIC KEY BLOCK-----"), armored); // binary keys get armored
    try (InputStream in = PGPUtil.getDecoderStream(new ByteArrayInputStream(d.armored()))) {
      assertArrayEquals(binary, in.readAllBytes());
    }
    assertNull(d.config().verifier(), "no repomd.xml.asc published: not required, packages still checked");
  }

  @Test
  void severalKeysOfOneRepositoryAreAllTrusted() throws Exception {
    GeneratedKey a = key();
    GeneratedKey b = key();
    Path fa = Files.writeString(dir.resolve("a.asc"), a.publicKeyArmored());
    Path fb = Files.writeString(dir.resolve("b.asc"), b.publicKeyArmored());
    RepoKeys.Loaded loaded = RepoKeys.load(repo("kubernetes", false, fa.toString(), fb.toString()),
        HttpRepoClient.defaults());
    assertTrue(loaded.fingerprints().contains(a.fingerprint().hex()), loaded.fingerprints().toString());
    assertTrue(loaded.fingerprints().contains(b.fingerprint().hex()), loaded.fingerprints().toString());
  }

  @Test
  void aRepositoryWithoutKeyIsRefused() {
    RepoException e = assertThrows(RepoException.class,
        () -> RepoKeys.load(repo("base", true), HttpRepoClient.defaults()));
    assertEquals("could not build: repository 'base' has no signing key; the bundle installs with gpgcheck=1, so"
        + " give the key that signs its RPMs and repomd.xml (--repo-key base=KEYFILE)", e.getMessage());
  }

  @Test
  void aFileThatHoldsNoKeyIsNamed() throws Exception {
    Path junk = Files.writeString(dir.resolve("junk.asc"), "not a key");
    RepoException e = assertThrows(RepoException.class,
        () -> RepoKeys.load(repo("kubernetes", true, junk.toString()), HttpRepoClient.defaults()));
    assertTrue(e.getMessage().contains("junk.asc"), e.getMessage());
  }
}
