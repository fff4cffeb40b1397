package io.kubeferry.bundler.image;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.kubeferry.core.ImageRef;
import io.kubeferry.core.oci.CredentialStore;
import io.kubeferry.core.oci.Credentials;
import io.kubeferry.core.oci.MirrorRule;
import io.kubeferry.core.oci.PulledImage;
import io.kubeferry.core.oci.RegistryClientOptions;
import io.kubeferry.core.oci.RegistryException.Kind;
import io.kubeferry.core.oci.Sources;
import io.kubeferry.core.oci.RetryPolicy;
import io.kubeferry.lab.registry.FaultRule;
import io.kubeferry.lab.registry.LabRegistry;
import io.kubeferry.lab.registry.Mode;
import io.kubeferry.lab.registry.RecordedRequest;
import io.kubeferry.lab.registry.RequestKind;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Acceptance 3: faults injected by the lab front (connection cut mid-blob, 500s, 429 with Retry-After, a corrupted
 * byte, bad credentials). The pull completes with the upstream digests, or fails with one clear line naming the image
 * and nothing partial left in layout or cache.
 */
class FaultIT {
  private static final RetryPolicy FAST = new RetryPolicy(4, Duration.ofMillis(20), Duration.ofMillis(200), Duration.ofSeconds(5));

  private record Setup(LabRegistry lab, FixtureImages.Pushed pushed, PullOptions opts) {}

  private static Setup setup(Path tmp, Mode... modes) throws Exception {
    LabRegistry lab = LabRegistry.start(modes);
    FixtureImages fx = new FixtureImages(lab.endpoint(), 5);
    if (lab.credentials() != null) {
      fx.as(lab.credentials().username(), lab.credentials().password());
    }
    FixtureImages.Pushed p = fx.push("example.io/app", "1.0", true, List.of("amd64"), 400_000);
    lab.front().resetCounters();
    PullOptions o = PullOptions.of(List.of(ImageRef.parse("example.io/app:1.0")), tmp.resolve("layout"))
        .withCache(tmp.resolve("cache"))
        .withSources(new Sources(List.of(new MirrorRule("example.io", lab.endpoint(), "example.io", false)), true))
        .withClient(ImageSetFixture.clientFor(lab).withRetry(FAST));
    return new Setup(lab, p, o);
  }

  // Body faults fire on the next matching bodies in order: the small config comes first (shorter than the cut, so
  // untouched), then both layers (64 KiB base, 400 KB own) are cut after 30,000 bytes.
  @Test
  void cutMidBlobResumesWithRange(@TempDir Path tmp) throws Exception {
    Setup s = setup(tmp);
    try (LabRegistry lab = s.lab()) {
      lab.front().inject(FaultRule.cutAfter(RequestKind.BLOB_GET, 30_000, 3));
      PulledImage img = new ImagePuller().pull(s.opts()).images().get(0);
      assertEquals(s.pushed().digest(), img.digest());
      assertTrue(lab.front().requests().stream().anyMatch(r -> r.range() != null && r.range().startsWith("bytes=")),
          "a Range request resumed the cut download");
      ImageSetPullIT.assertLayoutIntact(io.kubeferry.core.oci.OciLayout.open(tmp.resolve("layout")));
    }
  }

  // The server sends 30,000 bytes of a layer, then goes silent for 20 s: the client gives up on the silent body after
  // its 1 s response timeout and resumes with Range, instead of waiting out the stall (or forever).
  @Test
  void aStalledBodyIsTimedOutAndResumed(@TempDir Path tmp) throws Exception {
    Setup s = setup(tmp);
    try (LabRegistry lab = s.lab()) {
      lab.front().inject(FaultRule.stallAfter(RequestKind.BLOB_GET, 30_000, 20, 2));
      PullOptions o = s.opts().withClient(s.opts().client().withResponseTimeout(Duration.ofSeconds(1)));
      long start = System.nanoTime();
      PulledImage img = new ImagePuller().pull(o).images().get(0);
      Duration took = Duration.ofNanos(System.nanoTime() - start);
      assertEquals(s.pushed().digest(), img.digest());
      assertTrue(took.compareTo(Duration.ofSeconds(15)) < 0, "did not wait out the 20 s stall: took " + took);
      assertTrue(lab.front().requests().stream().anyMatch(r -> r.range() != null && r.range().startsWith("bytes=")),
          "a Range request resumed the stalled download");
      ImageSetPullIT.assertLayoutIntact(io.kubeferry.core.oci.OciLayout.open(tmp.resolve("layout")));
    }
  }

  @Test
  void cutAtTheRedirectTargetResumesWithoutLeakingCredentials(@TempDir Path tmp) throws Exception {
    Setup s = setup(tmp, Mode.TOKEN, Mode.REDIRECT);
    try (LabRegistry lab = s.lab()) {
      lab.front().inject(FaultRule.cutAfter(RequestKind.BLOB_GET, 30_000, 3));
      assertEquals(s.pushed().digest(), new ImagePuller().pull(s.opts()).images().get(0).digest());
      List<RecordedRequest> host = lab.front().requests().stream().filter(r -> r.server().equals("blob-host")).toList();
      assertFalse(host.isEmpty());
      assertTrue(host.stream().noneMatch(RecordedRequest::hadAuthorization), "no Authorization sent to another host");
      // The resumed request carries Range (the lab front answers ranged blob GETs itself with 206).
      assertTrue(lab.front().requests().stream().anyMatch(r -> r.range() != null), lab.front().requests().toString());
    }
  }

  @Test
  void serverErrorsAndRateLimitsAreRetriedHonouringRetryAfter(@TempDir Path tmp) throws Exception {
    Setup s = setup(tmp);
    try (LabRegistry lab = s.lab()) {
      lab.front().inject(FaultRule.status(RequestKind.MANIFEST_GET, 503, 1));
      lab.front().inject(FaultRule.tooManyRequests(RequestKind.MANIFEST_GET, 1, 1));
      lab.front().inject(FaultRule.status(RequestKind.BLOB_GET, 500, 2));
      long start = System.nanoTime();
      assertEquals(s.pushed().digest(), new ImagePuller().pull(s.opts()).images().get(0).digest());
      assertTrue(Duration.ofNanos(System.nanoTime() - start).toMillis() >= 1000, "Retry-After: 1 was honoured");
    }
  }

  @Test
  void persistentRateLimitFailsWithOneClearLine(@TempDir Path tmp) throws Exception {
    Setup s = setup(tmp);
    try (LabRegistry lab = s.lab()) {
      lab.front().inject(FaultRule.tooManyRequests(RequestKind.MANIFEST_GET, 0, 10));
      ImagePullException e = assertThrows(ImagePullException.class, () -> new ImagePuller().pull(s.opts()));
      assertEquals(Kind.RATE_LIMITED, e.failures().get(0).kind());
      assertTrue(e.getMessage().contains("HTTP 429") && e.getMessage().contains("example.io/app:1.0"), e.getMessage());
    }
  }

  @Test
  void transientCorruptionIsRetriedPersistentCorruptionFailsCleanly(@TempDir Path tmp) throws Exception {
    Setup s = setup(tmp);
    try (LabRegistry lab = s.lab()) {
      lab.front().inject(FaultRule.flipByte(RequestKind.BLOB_GET, 1000, 1));
      assertEquals(s.pushed().digest(), new ImagePuller().pull(s.opts()).images().get(0).digest());
    }
    Path tmp2 = tmp.resolve("second");
    Setup t = setup(tmp2);
    try (LabRegistry lab = t.lab()) {
      lab.front().inject(FaultRule.flipByte(RequestKind.BLOB_GET, 1000, 50));
      ImagePullException e = assertThrows(ImagePullException.class, () -> new ImagePuller().pull(t.opts()));
      assertTrue(e.isIntegrityFailure());
      assertEquals(Kind.DIGEST_MISMATCH, e.failures().get(0).kind());
      assertTrue(e.getMessage().contains("could not verify blob sha256:")
          && e.getMessage().contains("(image example.io/app:1.0)"), e.getMessage());
      assertFalse(e.getMessage().contains("\n"));
      try (Stream<Path> files = Files.walk(tmp2)) {
        List<Path> blobs = files.filter(Files::isRegularFile)
            .filter(f -> f.toString().contains("blobs/sha256/")).toList();
        // Only verified blobs exist: no temp file, and every file hashes to its name.
        for (Path f : blobs) {
          assertEquals(f.getFileName().toString(),
              io.kubeferry.core.Digest.sha256Of(Files.readAllBytes(f)).hex(), f.toString());
        }
      }
      assertFalse(Files.exists(tmp2.resolve("layout/index.json")), "a failed image is not in index.json");
    }
  }

  @Test
  void wrongCredentialsFailWithOneClearLine(@TempDir Path tmp) throws Exception {
    Setup s = setup(tmp, Mode.BASIC);
    try (LabRegistry lab = s.lab()) {
      RegistryClientOptions bad = RegistryClientOptions.defaults().withRetry(FAST)
          .withCredentials(CredentialStore.of(Map.of(lab.endpoint(), new Credentials("nobody", "wrong"))));
      ImagePullException e = assertThrows(ImagePullException.class,
          () -> new ImagePuller().pull(s.opts().withClient(bad)));
      assertEquals(Kind.UNAUTHORIZED, e.failures().get(0).kind());
      assertTrue(e.getMessage().contains("HTTP 401") && e.getMessage().contains("example.io/app:1.0"), e.getMessage());
      assertFalse(e.getMessage().contains("wrong"), "the password never appears");
    }
  }
}
