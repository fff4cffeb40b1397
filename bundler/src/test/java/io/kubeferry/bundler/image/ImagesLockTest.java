package io.kubeferry.bundler.image;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.kubeferry.core.Digest;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ImagesLockTest {
  private static final Digest A = Digest.parse("sha256:" + "a".repeat(64));
  private static final Digest B = Digest.parse("sha256:" + "b".repeat(64));

  @Test
  void roundTripIsStableAndSorted(@TempDir Path dir) throws Exception {
    ImagesLock lock = new ImagesLock();
    lock.put("1.23.1", "arm64", "k8s.gcr.io/pause:3.6", new ImagesLock.Entry(A, Map.of("linux/arm64", B), null));
    lock.put("1.23.1", "amd64", "k8s.gcr.io/pause:3.6", new ImagesLock.Entry(A, Map.of("linux/amd64", A), null));
    lock.put("1.23.1", "amd64", "docker.io/calico/node:v3.23.5", new ImagesLock.Entry(null, Map.of(), "not \"public\""));
    Path f = dir.resolve("images.lock");
    lock.write(f);
    String first = Files.readString(f);
    ImagesLock back = ImagesLock.read(f);
    assertEquals(first, back.toYaml());
    assertEquals(A, back.entries("1.23.1", "amd64").get("k8s.gcr.io/pause:3.6").digest());
    assertNull(back.entries("1.23.1", "amd64").get("docker.io/calico/node:v3.23.5").digest());
    assertEquals("not \"public\"", back.entries("1.23.1", "amd64").get("docker.io/calico/node:v3.23.5").note());
    // amd64 sorts before arm64, docker.io before k8s.gcr.io
    assertEquals(true, first.indexOf("amd64:") < first.indexOf("arm64:"));
    assertEquals(true, first.indexOf("docker.io/calico") < first.indexOf("k8s.gcr.io/pause"));
  }

  @Test
  void malformedNamesTheFile(@TempDir Path dir) throws Exception {
    Path f = dir.resolve("images.lock");
    Files.writeString(f, "kubernetes:\n  \"1.23.1\":\n    amd64:\n      x:\n        digest: \"sha256:nothex\"\n");
    IOException e = assertThrows(IOException.class, () -> ImagesLock.read(f));
    assertEquals(true, e.getMessage().contains(f.toString()), e.getMessage());
  }
}
