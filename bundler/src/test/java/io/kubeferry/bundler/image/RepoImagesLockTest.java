package io.kubeferry.bundler.image;

import io.kubeferry.core.KubernetesVersion;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;

/** The repository's images.lock parses, round-trips byte-identically and covers the whole default 1.23.1 set. */
class RepoImagesLockTest {
  @Test
  void repoLockCoversTheDefault1231Set() throws Exception {
    Path file = Path.of("..", "images.lock");
    ImagesLock lock = ImagesLock.read(file);
    assertEquals(Files.readString(file), lock.toYaml());
    Map<String, ImagesLock.Entry> amd64 = lock.entries("1.23.1", "amd64");
    TreeSet<String> expected = new TreeSet<>();
    ImageCatalog.load().images(KubernetesVersion.parse("1.23.1"), ImageSetOptions.defaults())
        .forEach(i -> expected.add(i.ref().toString()));
    assertEquals(expected, new TreeSet<>(amd64.keySet()));
    // Every kubeadm image is pinned to a public digest; add-ons without one carry a note saying so.
    amd64.forEach((ref, e) -> {
      if (ref.startsWith("k8s.gcr.io/")) {
        assertNotNull(e.digest(), ref);
      } else if (e.digest() == null) {
        assertNotNull(e.note(), ref);
      }
    });
  }
}
