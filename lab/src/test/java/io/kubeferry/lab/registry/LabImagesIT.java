package io.kubeferry.lab.registry;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.kubeferry.core.Digest;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.zip.GZIPInputStream;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveInputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The fixture set: deterministic, shaped like upstream, carrying the real binaries, changeable per tag. */
class LabImagesIT {
  private static final ObjectMapper JSON = new ObjectMapper();

  @TempDir
  Path tmp;

  @Test
  void twoColdBuildsGiveTheSameDigests() throws Exception {
    long t0 = System.nanoTime();
    Map<String, Digest> first = LabImages.k8s1231().withCacheDir(tmp.resolve("a")).build();
    long t1 = System.nanoTime();
    Map<String, Digest> second = LabImages.k8s1231().withCacheDir(tmp.resolve("b")).build();
    long t2 = System.nanoTime();
    Map<String, Digest> warm = LabImages.k8s1231().withCacheDir(tmp.resolve("b")).build();
    long t3 = System.nanoTime();
    System.out.printf("fixture build cold %d ms, cold again %d ms, warm %d ms%n", (t1 - t0) / 1_000_000,
        (t2 - t1) / 1_000_000, (t3 - t2) / 1_000_000);
    assertEquals(14, first.size(), "13 images, registry under two tags");
    assertEquals(first, second);
    assertEquals(first, warm);
  }

  @Test
  void everyImageIsATwoPlatformIndexOfTheDeclaredTypeWithSharedLayers() throws Exception {
    LabImages images = LabImages.k8s1231();
    BlobStore store = new BlobStore(LabImages.defaultCacheDir());
    Map<String, Digest> built = images.build();
    List<Set<String>> layerSets = new ArrayList<>();
    for (FixtureImage image : images.images()) {
      JsonNode index = JSON.readTree(store.read(built.get(image.canonicalRef())));
      assertEquals(image.format().indexMediaType(), index.get("mediaType").asText(), image.canonicalRef());
      List<String> platforms = new ArrayList<>();
      for (JsonNode m : index.get("manifests")) {
        JsonNode p = m.get("platform");
        platforms.add(p.get("os").asText() + "/" + p.get("architecture").asText());
        JsonNode manifest = JSON.readTree(store.read(Digest.parse(m.get("digest").asText())));
        assertEquals(image.format().manifestMediaType(), manifest.get("mediaType").asText());
        Set<String> layers = new HashSet<>();
        manifest.get("layers").forEach(l -> layers.add(l.get("digest").asText()));
        layerSets.add(layers);
      }
      assertEquals(List.of("linux/amd64", "linux/arm64"), platforms, image.canonicalRef());
    }
    Set<String> common = new HashSet<>(layerSets.get(0));
    layerSets.forEach(common::retainAll);
    assertEquals(1, common.size(), "one layer shared by every image and platform");
    assertTrue(images.images().stream().anyMatch(i -> i.format() == IndexFormat.DOCKER));
    assertTrue(images.images().stream().anyMatch(i -> i.format() == IndexFormat.OCI));
    assertTrue(images.totalBytes() > 10_000_000, "real binaries are in");
  }

  @Test
  void registryAndEtcdImagesCarryTheRealDebianBinaries() throws Exception {
    LabImages images = LabImages.k8s1231();
    BlobStore store = new BlobStore(LabImages.defaultCacheDir());
    Map<String, Digest> built = images.build();
    assertFileInAmd64Image(store, built.get("docker.io/library/registry:2"), "bin/registry",
        FixtureLayers.REGISTRY_BINARY);
    assertFileInAmd64Image(store, built.get("k8s.gcr.io/etcd:3.5.1-0"), "usr/local/bin/etcd",
        FixtureLayers.ETCD_BINARY);
    assertFileInAmd64Image(store, built.get("k8s.gcr.io/etcd:3.5.1-0"), "usr/local/bin/etcdctl",
        FixtureLayers.ETCDCTL_BINARY);
  }

  private static void assertFileInAmd64Image(BlobStore store, Digest index, String path, Path real) throws Exception {
    Digest amd64 = BlobWalk.platforms(store, index).get("linux/amd64");
    byte[] want = Files.readAllBytes(real);
    for (JsonNode l : JSON.readTree(store.read(amd64)).get("layers")) {
      try (TarArchiveInputStream tar = new TarArchiveInputStream(new GZIPInputStream(
          Files.newInputStream(store.path(Digest.parse(l.get("digest").asText())))))) {
        TarArchiveEntry e;
        while ((e = tar.getNextEntry()) != null) {
          if (e.getName().replaceFirst("^/", "").equals(path)) {
            assertTrue(Arrays.equals(want, ((InputStream) tar).readAllBytes()), path + " equals " + real);
            assertEquals(0755, e.getMode() & 0777, path + " is executable");
            return;
          }
        }
      }
    }
    throw new AssertionError(path + " not found in " + amd64);
  }

  @Test
  void repushChangesTheTagAndVariantZeroRestoresIt() throws Exception {
    try (LabRegistry k8s = LabRegistry.start(Mode.ANONYMOUS); LabRegistry docker = LabRegistry.start(Mode.TOKEN)) {
      LabImages images = LabImages.k8s1231();
      Map<String, PushedImage> pushed = images.pushAll(k8s, docker);
      String ref = "docker.io/library/haproxy:2.8";
      Digest original = pushed.get(ref).indexDigest();
      PushedImage changed = images.repush(ref, 1);
      assertNotEquals(original, changed.indexDigest());
      assertEquals(changed.indexDigest(), Skopeo.rawDigest(changed.labReference()));
      assertEquals(original, images.repush(ref, 0).indexDigest());
      assertEquals(original, Skopeo.rawDigest(pushed.get(ref).labReference()));
    }
  }

  @Test
  void fillerScalesTheSetDeterministically() throws Exception {
    long base = LabImages.k8s1231().totalBytes();
    LabImages scaled = LabImages.k8s1231().withCacheDir(tmp.resolve("f")).withFiller(8L << 20);
    long size = scaled.totalBytes();
    assertTrue(size >= base + (8L << 20), "scaled " + size + " vs base " + base);
    assertEquals(scaled.build(), LabImages.k8s1231().withCacheDir(tmp.resolve("g")).withFiller(8L << 20).build());
  }
}
