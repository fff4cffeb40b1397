package io.kubeferry.bundler.build;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.kubeferry.bundler.rpm.repo.RepoConfig;
import io.kubeferry.bundler.rpm.repo.RepoException;
import io.kubeferry.core.sign.KeyGenOptions;
import io.kubeferry.core.sign.KeyGenerator;
import io.kubeferry.core.sign.KeyType;
import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.bouncycastle.openpgp.PGPUtil;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RepoKeysTest {
  @TempDir Path dir;

  private static String armoredKey() throws Exception {
    return KeyGenerator.generate(KeyGenOptions.of(KeyType.ED25519).withUserId("upstream")).publicKeyArmored();
  }

  @Test
  void everyRepositoryKeyGoesToItsBundlePath() throws Exception {
    String k8s = armoredKey();
    Path k8sFile = Files.writeString(dir.resolve("k8s.asc"), k8s);
    String docker = armoredKey();
    byte[] binary;
    try (InputStream in = PGPUtil.getDecoderStream(
        new ByteArrayInputStream(docker.getBytes(StandardCharsets.US_ASCII)))) {
      binary = in.readAllBytes();
    }
    Path dockerFile = Files.write(dir.resolve("docker.gpg"), binary);
    Map<String, byte[]> keys = RepoKeys.forBundle(List.of(RepoConfig.of("kubernetes", "/r1"),
        RepoConfig.of("docker-ce", "/r2")), Map.of("kubernetes", k8sFile, "docker-ce", dockerFile));
    assertEquals(List.of("keys/rpm/docker-ce.asc", "keys/rpm/kubernetes.asc"), List.copyOf(keys.keySet()));
    assertArrayEquals(k8s.getBytes(StandardCharsets.US_ASCII), keys.get("keys/rpm/kubernetes.asc"));
    String armored = new String(keys.get("keys/rpm/docker-ce.asc"), StandardCharsets.US_ASCII);
    assertTrue(armored.startsWith("-----BEGIN PGP PUBLIC KEY BLOCK-----"), armored); // binary keys get armored
    try (InputStream in = PGPUtil.getDecoderStream(new ByteArrayInputStream(keys.get("keys/rpm/docker-ce.asc")))) {
      assertArrayEquals(binary, in.readAllBytes());
    }
  }

  @Test
  void aRepositoryWithoutKeyIsRefused() throws Exception {
    Path k8sFile = Files.writeString(dir.resolve("k8s.asc"), armoredKey());
    RepoException e = assertThrows(RepoException.class, () -> RepoKeys.forBundle(List.of(
        RepoConfig.of("kubernetes", "/r1"), RepoConfig.of("base", "/r2")), Map.of("kubernetes", k8sFile)));
    assertEquals("could not build: repository 'base' has no --repo-key; the bundle installs with gpgcheck=1, so"
        + " give the key that signs its RPMs and repomd.xml (--repo-key base=KEYFILE)", e.getMessage());
  }

  @Test
  void aKeyForNoRepositoryOrNotAKeyIsRefused() throws Exception {
    Path k8sFile = Files.writeString(dir.resolve("k8s.asc"), armoredKey());
    Path junk = Files.writeString(dir.resolve("junk.asc"), "not a key");
    RepoException unknown = assertThrows(RepoException.class, () -> RepoKeys.forBundle(List.of(
        RepoConfig.of("kubernetes", "/r1")), Map.of("kubernetes", k8sFile, "typo", k8sFile)));
    assertTrue(unknown.getMessage().contains("no --repo has id 'typo'"), unknown.getMessage());
    RepoException notKey = assertThrows(RepoException.class, () -> RepoKeys.forBundle(List.of(
        RepoConfig.of("kubernetes", "/r1")), Map.of("kubernetes", junk)));
    assertTrue(notKey.getMessage().contains("junk.asc"), notKey.getMessage());
  }
}
