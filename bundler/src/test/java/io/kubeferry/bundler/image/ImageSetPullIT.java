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
import io.kubeferry.lab.registry.LabRegistry;
import io.kubeferry.lab.registry.Mode;
import io.kubeferry.lab.registry.RequestKind;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Acceptance 1 and 2 against the lab registry: the whole 1.23.1 image set pulled for amd64 and for amd64+arm64
 * through anonymous, basic, token and redirect modes; digests equal to what the registry holds; OCI-typed images
 * readable by skopeo; every image pushed back (same auth mode) reproducing the upstream digest; a warm-cache rebuild
 * making no blob request at the lab.
 */
class ImageSetPullIT {
  static Stream<Arguments> modes() {
    return Stream.of(Arguments.of("anonymous", new Mode[] {}), Arguments.of("basic", new Mode[] {Mode.BASIC}),
        Arguments.of("token", new Mode[] {Mode.TOKEN}), Arguments.of("redirect", new Mode[] {Mode.REDIRECT}),
        Arguments.of("token+redirect", new Mode[] {Mode.TOKEN, Mode.REDIRECT}));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("modes")
  void fullSetAmd64AndMultiArch(String name, Mode[] modes, @TempDir Path tmp) throws Exception {
    try (ImageSetFixture set = new ImageSetFixture("1.23.1", 20_000, modes)) {
      PullResult amd64 = pull(set, tmp.resolve("amd64"), tmp.resolve("cache"), Set.of(Platform.LINUX_AMD64));
      assertEquals(set.images.size(), amd64.images().size());
      for (PulledImage img : amd64.images()) {
        FixtureImages.Pushed p = set.pushed.get(img.image());
        assertEquals(p.digest(), img.digest(), img.image());
        assertEquals(Map.of(Platform.LINUX_AMD64, p.platforms().get("linux/amd64")), img.platforms(), img.image());
      }
      assertLayoutIntact(OciLayout.open(tmp.resolve("amd64")));

      PullResult both = pull(set, tmp.resolve("both"), tmp.resolve("cache2"),
          Set.of(Platform.LINUX_AMD64, Platform.LINUX_ARM64));
      OciLayout multi = OciLayout.open(tmp.resolve("both"));
      assertLayoutIntact(multi);
      for (PulledImage img : both.images()) {
        FixtureImages.Pushed p = set.pushed.get(img.image());
        assertEquals(p.digest(), img.digest(), img.image());
        assertEquals(p.platforms().get("linux/arm64"), img.platforms().get(Platform.LINUX_ARM64), img.image());
      }
      // Pushing to a registry of the same mode exercises push auth; the index digests must come back unchanged.
      try (LabRegistry target = LabRegistry.start(set.lab.options())) {
        pushBackReproduces(target, multi, both, true, 0);
      }

      if (name.contains("redirect")) {
        assertTrue(set.lab.count(RequestKind.BLOB_HOST_GET) > 0, "blobs came through the redirect target");
      }
      if (name.contains("token")) {
        // One token per repository and scope, cached: not one per request.
        long tokens = set.lab.count(RequestKind.TOKEN);
        assertTrue(tokens > 0 && tokens <= 4L * set.images.size(), "token requests: " + tokens);
      }
    }
  }

  /** The layout format does not depend on the auth mode: checked once, with skopeo and a single-platform push. */
  @Test
  void singlePlatformLayoutIsReadBySkopeoAndPushesBackItsPlatformManifests(@TempDir Path tmp) throws Exception {
    try (ImageSetFixture set = new ImageSetFixture("1.23.1", 20_000)) {
      PullResult amd64 = pull(set, tmp.resolve("amd64"), tmp.resolve("cache"), Set.of(Platform.LINUX_AMD64));
      OciLayout layout = OciLayout.open(tmp.resolve("amd64"));
      assertSkopeoReadsOciImages(layout, amd64);
      try (LabRegistry target = LabRegistry.start(set.lab.options())) {
        pushBackReproduces(target, layout, amd64, false, 16 * 1024);
        // The shared base layer was uploaded once and mounted into the other repositories; big blobs went in chunks.
        assertTrue(target.front().requests().stream().anyMatch(r -> r.pathAndQuery().contains("mount=")
            && r.status() == 201), "cross-repository mounts");
        assertTrue(target.front().requests().stream().anyMatch(r -> r.method().equals("PATCH")), "chunked uploads");
      }
    }
  }

  @Test
  void warmCacheRebuildMakesNoBlobRequest(@TempDir Path tmp) throws Exception {
    try (ImageSetFixture set = new ImageSetFixture("1.23.1", 50_000, Mode.TOKEN, Mode.REDIRECT)) {
      PullResult cold = pull(set, tmp.resolve("a"), tmp.resolve("cache"), Set.of(Platform.LINUX_AMD64));
      assertTrue(set.lab.count(RequestKind.BLOB_GET) > 0);
      set.lab.front().resetCounters();
      PullResult warm = pull(set, tmp.resolve("b"), tmp.resolve("cache"), Set.of(Platform.LINUX_AMD64));
      assertEquals(0, set.lab.count(RequestKind.BLOB_GET), "blob GETs at the lab front");
      assertEquals(0, set.lab.count(RequestKind.BLOB_HOST_GET), "blob GETs at the redirect target");
      assertEquals(0, warm.blobsDownloaded());
      assertEquals(cold.images().stream().map(PulledImage::digest).toList(),
          warm.images().stream().map(PulledImage::digest).toList());
    }
  }

  static PullResult pull(ImageSetFixture set, Path layout, Path cache, Set<Platform> platforms) throws Exception {
    return new ImagePuller().pull(PullOptions.of(set.images, layout).withSources(set.sources).withCache(cache)
        .withClient(set.client).withPlatforms(platforms));
  }

  /** Pushes every image to a lab registry of the same mode; the served digest must be the upstream one. */
  private static void pushBackReproduces(LabRegistry target, OciLayout layout, PullResult r, boolean allPlatforms,
      long chunkSize) throws Exception {
    RegistryClientOptions opts = ImageSetFixture.clientFor(target);
    RegistryClient client = new RegistryClient(opts);
    LayoutPusher pusher = new LayoutPusher(client, chunkSize);
    for (PulledImage img : r.images()) {
      String repo = (allPlatforms ? "all/" : "one/") + img.image().replaceAll("[:.]", "-").replace("/", "-");
      pusher.push(layout, layout.find(img.image()), client.remote(target.endpoint(), repo), "t", img.image());
      // Only with every platform present can the index itself be pushed; otherwise the platform manifest is tagged.
      Digest expected = allPlatforms ? img.digest() : img.platforms().get(Platform.LINUX_AMD64);
      assertEquals(expected, client.manifest(client.remote(target.endpoint(), repo), "t", img.image()).digest(),
          img.image());
    }
  }

  private static void assertSkopeoReadsOciImages(OciLayout layout, PullResult r) throws Exception {
    for (PulledImage img : r.images()) {
      if (img.mediaType().equals(MediaTypes.OCI_INDEX)) {
        String ref = "oci:" + layout.dir() + ":" + img.image();
        String raw = run("skopeo", "inspect", "--raw", ref);
        assertEquals(img.digest(), Digest.sha256Of(raw.getBytes(StandardCharsets.UTF_8)), img.image());
        // Without --raw skopeo follows the index to the amd64 manifest and reads its config.
        String inspect = run("skopeo", "inspect", "--override-arch", "amd64", ref);
        assertTrue(inspect.contains("\"Architecture\": \"amd64\""), inspect);
      }
    }
  }

  /** Every blob hashes to its file name, every index.json entry is annotated and present, no temp file is left. */
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

  static String run(String... cmd) throws Exception {
    Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
    String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertEquals(0, p.waitFor(), String.join(" ", cmd) + ": " + out);
    return out;
  }
}
