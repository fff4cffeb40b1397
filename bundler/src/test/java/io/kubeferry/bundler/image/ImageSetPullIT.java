package io.kubeferry.bundler.image;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.kubeferry.core.Descriptor;
import io.kubeferry.core.Digest;
import io.kubeferry.core.MediaTypes;
import io.kubeferry.core.Platform;
import io.kubeferry.core.oci.LayoutPusher;
import io.kubeferry.core.oci.OciLayout;
import io.kubeferry.core.oci.PulledImage;
import io.kubeferry.core.oci.RegistryClient;
import io.kubeferry.core.oci.RegistryClientOptions;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Acceptance 1 and 2 against a real docker-registry: the whole 1.23.1 image set pulled for amd64 and for
 * amd64+arm64, digests equal to what the registry holds, OCI-typed images readable by skopeo, Docker-typed ones
 * reproduced by a push back, and a warm-cache rebuild downloading nothing.
 */
class ImageSetPullIT {
  private static PlainRegistry upstream;
  private static ImageSetFixture set;

  @BeforeAll
  static void seed() throws Exception {
    upstream = PlainRegistry.start();
    set = new ImageSetFixture(upstream.endpoint(), "1.23.1", 20_000);
  }

  @AfterAll
  static void stop() throws IOException {
    upstream.close();
  }

  @Test
  void amd64SetIsByteExactAndReadable(@TempDir Path tmp) throws Exception {
    PullResult r = pull(tmp.resolve("layout"), tmp.resolve("cache"), Set.of(Platform.LINUX_AMD64));
    assertEquals(set.images.size(), r.images().size());
    for (PulledImage img : r.images()) {
      FixtureImages.Pushed p = set.pushed.get(img.image());
      assertEquals(p.digest(), img.digest(), img.image());
      assertEquals(Map.of(Platform.LINUX_AMD64, p.platforms().get("linux/amd64")), img.platforms(), img.image());
    }
    OciLayout layout = OciLayout.open(tmp.resolve("layout"));
    assertLayoutIntact(layout);
    for (PulledImage img : r.images()) {
      if (img.mediaType().equals(MediaTypes.OCI_INDEX)) {
        String ref = "oci:" + layout.dir() + ":" + img.image();
        String raw = run("skopeo", "inspect", "--raw", ref);
        assertEquals(img.digest(), Digest.sha256Of(raw.getBytes(StandardCharsets.UTF_8)), img.image());
        // Without --raw skopeo follows the index to the host platform's manifest and reads its config.
        String inspect = run("skopeo", "inspect", "--override-arch", "amd64", ref);
        assertTrue(inspect.contains("\"Architecture\": \"amd64\""), inspect);
      }
    }
    try (PlainRegistry target = PlainRegistry.start()) {
      RegistryClient client = new RegistryClient(RegistryClientOptions.defaults());
      for (PulledImage img : r.images()) {
        Descriptor top = layout.find(img.image());
        String repo = "back/" + img.image().replaceAll("[:.]", "-").replace("/", "-");
        new LayoutPusher(client).push(layout, top, client.remote(target.endpoint(), repo), "t", img.image());
        // One of two platforms is in the layout, so the platform manifest is what gets tagged.
        assertEquals(img.platforms().get(Platform.LINUX_AMD64), servedDigest(target.endpoint(), repo, "t"), img.image());
      }
    }
  }

  @Test
  void multiArchSetPushesBackToTheUpstreamIndexDigest(@TempDir Path tmp) throws Exception {
    PullResult r = pull(tmp.resolve("layout"), tmp.resolve("cache"), Set.of(Platform.LINUX_AMD64, Platform.LINUX_ARM64));
    OciLayout layout = OciLayout.open(tmp.resolve("layout"));
    assertLayoutIntact(layout);
    try (PlainRegistry target = PlainRegistry.start()) {
      RegistryClient client = new RegistryClient(RegistryClientOptions.defaults());
      for (PulledImage img : r.images()) {
        FixtureImages.Pushed p = set.pushed.get(img.image());
        assertEquals(2, img.platforms().size());
        assertEquals(p.platforms().get("linux/arm64"), img.platforms().get(Platform.LINUX_ARM64));
        String repo = "back/" + img.image().replaceAll("[:.]", "-").replace("/", "-");
        new LayoutPusher(client).push(layout, layout.find(img.image()), client.remote(target.endpoint(), repo), "t",
            img.image());
        assertEquals(p.digest(), servedDigest(target.endpoint(), repo, "t"), img.image());
      }
    }
  }

  @Test
  void warmCacheRebuildDownloadsNothing(@TempDir Path tmp) throws Exception {
    PullResult cold = pull(tmp.resolve("a"), tmp.resolve("cache"), Set.of(Platform.LINUX_AMD64));
    assertTrue(cold.blobsDownloaded() > 0);
    PullResult warm = pull(tmp.resolve("b"), tmp.resolve("cache"), Set.of(Platform.LINUX_AMD64));
    assertEquals(0, warm.blobsDownloaded());
    assertEquals(0, warm.bytesDownloaded());
    assertEquals(cold.images().stream().map(PulledImage::digest).toList(),
        warm.images().stream().map(PulledImage::digest).toList());
  }

  private static PullResult pull(Path layout, Path cache, Set<Platform> platforms) throws Exception {
    return new ImagePuller().pull(PullOptions.of(set.images, layout).withSources(set.sources).withCache(cache)
        .withPlatforms(platforms));
  }

  /** Every blob hashes to its file name, every index.json entry has its annotations, no temp file is left. */
  static void assertLayoutIntact(OciLayout layout) throws Exception {
    try (Stream<Path> files = Files.list(layout.dir().resolve("blobs/sha256"))) {
      for (Path f : files.toList()) {
        assertEquals(f.getFileName().toString(), Digest.sha256Of(Files.readAllBytes(f)).hex(), "blob " + f);
      }
    }
    for (Map.Entry<String, Descriptor> e : layout.images().entrySet()) {
      assertEquals(e.getKey(), e.getValue().annotations().get(OciLayout.REF_ANNOTATION));
      assertNotNull(e.getValue().annotations().get(OciLayout.REF_NAME));
      assertTrue(layout.blobs().has(e.getValue()), e.getKey());
    }
    assertTrue(Files.exists(layout.dir().resolve("oci-layout")));
  }

  static Digest servedDigest(String endpoint, String repo, String ref) throws Exception {
    HttpResponse<byte[]> r = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
            URI.create("http://" + endpoint + "/v2/" + repo + "/manifests/" + ref))
        .header("Accept", String.join(",", MediaTypes.MANIFESTS)).build(), HttpResponse.BodyHandlers.ofByteArray());
    assertEquals(200, r.statusCode());
    return Digest.sha256Of(r.body());
  }

  static String run(String... cmd) throws Exception {
    Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
    String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertEquals(0, p.waitFor(), String.join(" ", cmd) + ": " + out);
    return out;
  }

}
