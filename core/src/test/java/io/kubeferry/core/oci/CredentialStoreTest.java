package io.kubeferry.core.oci;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CredentialStoreTest {
  @Test
  void readsDockerConfigAuths(@TempDir Path dir) throws Exception {
    String auth = Base64.getEncoder().encodeToString("alice:s3cr:et".getBytes());
    Path cfg = dir.resolve("config.json");
    Files.writeString(cfg, "{\"auths\":{\"https://index.docker.io/v1/\":{\"auth\":\"" + auth + "\"},"
        + "\"127.0.0.1:5000\":{\"auth\":\"" + auth + "\"},\"helper.io\":{}}}");
    CredentialStore s = CredentialStore.fromDockerConfig(cfg);
    assertEquals(new Credentials("alice", "s3cr:et"), s.forHost("docker.io").orElseThrow());
    assertTrue(s.forHost("127.0.0.1:5000").isPresent());
    assertFalse(s.forHost("helper.io").isPresent());
    assertFalse(s.forHost("quay.io").isPresent());
    assertFalse(s.forHost("docker.io").orElseThrow().toString().contains("s3cr"));
  }

  @Test
  void missingFileIsEmpty(@TempDir Path dir) throws Exception {
    assertFalse(CredentialStore.fromDockerConfig(dir.resolve("nope.json")).forHost("docker.io").isPresent());
  }
}
