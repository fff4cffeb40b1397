package io.kubeferry.bundler.image;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.kubeferry.bundler.image.PullOptions.LockPolicy;
import io.kubeferry.core.ImageRef;
import io.kubeferry.core.Platform;
import io.kubeferry.core.oci.MirrorRule;
import io.kubeferry.core.oci.RegistryException.Kind;
import io.kubeferry.core.oci.Sources;
import io.kubeferry.lab.registry.LabRegistry;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Bad input and lock drift against the lab registry: one clear error per image, nothing half-written. */
class PullFailuresIT {
  private static LabRegistry reg;
  private static Sources sources;

  @BeforeAll
  static void start() throws Exception {
    reg = LabRegistry.start();
    FixtureImages fx = new FixtureImages(reg.endpoint(), 7);
    fx.push("example.io/app", "1.0", true, List.of("amd64", "arm64"), 200_000);
    fx.push("example.io/armonly", "1.0", false, List.of("arm64"), 1000);
    fx.push("example.io/other", "2.0", false, List.of("amd64"), 1000);
    sources = new Sources(List.of(new MirrorRule("example.io", reg.endpoint(), "example.io", false)), true);
  }

  @AfterAll
  static void stop() {
    reg.close();
  }

  private static PullOptions opts(Path layout, String... refs) {
    return PullOptions.of(Stream.of(refs).map(ImageRef::parse).toList(), layout).withSources(sources);
  }

  @Test
  void unknownTagAndWrongPlatformAreReportedTogether(@TempDir Path tmp) {
    ImagePullException e = assertThrows(ImagePullException.class, () -> new ImagePuller().pull(
        opts(tmp.resolve("l"), "example.io/app:1.0", "example.io/app:9.9", "example.io/armonly:1.0")));
    assertEquals(2, e.failures().size());
    assertEquals(Kind.NOT_FOUND, e.failures().get(0).kind());
    assertTrue(e.getMessage().contains("9.9 not found") && e.getMessage().contains("example.io/app:9.9"), e.getMessage());
    assertEquals(Kind.WRONG_PLATFORM, e.failures().get(1).kind());
    assertTrue(e.getMessage().contains("no linux/amd64 manifest") && e.getMessage().contains("example.io/armonly:1.0"),
        e.getMessage());
    assertFalse(e.getMessage().contains("\n"));
  }

  @Test
  void deadMirrorFallsBackInOrderAndTheCanonicalNameIsKept(@TempDir Path tmp) throws Exception {
    Sources withDeadFirst = new Sources(List.of(new MirrorRule("example.io", "127.0.0.1:1", "", false),
        new MirrorRule("example.io", reg.endpoint(), "example.io", false)), true);
    PullResult r = new ImagePuller().pull(opts(tmp.resolve("l"), "example.io/app:1.0").withSources(withDeadFirst)
        .withClient(io.kubeferry.core.oci.RegistryClientOptions.defaults().withRetry(
            new io.kubeferry.core.oci.RetryPolicy(2, java.time.Duration.ofMillis(10),
                java.time.Duration.ofMillis(10), java.time.Duration.ofSeconds(1)))));
    assertEquals(reg.endpoint() + "/example.io/app", r.images().get(0).servedBy());
    assertEquals("example.io/app:1.0", r.images().get(0).image());
    assertTrue(io.kubeferry.core.oci.OciLayout.open(tmp.resolve("l")).images().containsKey("example.io/app:1.0"));
  }

  @Test
  void diskFullLeavesNoPartialBlob(@TempDir Path tmp) throws Exception {
    Path small = tmp.resolve("small");
    Files.createDirectories(small);
    boolean mounted = new ProcessBuilder("mount", "-t", "tmpfs", "-o", "size=128k", "tmpfs", small.toString())
        .start().waitFor() == 0;
    Assumptions.assumeTrue(mounted, "needs root to mount a small tmpfs");
    try {
      ImagePullException e = assertThrows(ImagePullException.class, () -> new ImagePuller().pull(
          opts(small.resolve("layout"), "example.io/app:1.0").withCache(small.resolve("cache"))));
      assertEquals(Kind.LOCAL_STORAGE, e.failures().get(0).kind());
      assertTrue(e.getMessage().contains("No space left on device"), e.getMessage());
      try (Stream<Path> s = Files.walk(small)) {
        assertEquals(List.of(), s.filter(p -> p.getFileName().toString().endsWith(".part")).toList());
      }
    } finally {
      new ProcessBuilder("umount", small.toString()).start().waitFor();
    }
  }

  @Test
  void lockedPullFailsOnDriftNamingEachImageAndUpdateRefreshes(@TempDir Path tmp) throws Exception {
    FixtureImages fx = new FixtureImages(reg.endpoint(), 99);
    fx.push("example.io/drift-a", "1", true, List.of("amd64"), 1000);
    fx.push("example.io/drift-b", "1", false, List.of("amd64"), 1000);
    Path lock = tmp.resolve("images.lock");
    PullOptions base = opts(tmp.resolve("layout"), "example.io/drift-a:1", "example.io/drift-b:1", "example.io/other:2.0")
        .withPlatforms(Set.of(Platform.LINUX_AMD64));
    new ImageLocker().lock(base.withLock(new LockPolicy(LockPolicy.Mode.UPDATE, lock, "test")));
    PullOptions locked = base.withLock(new LockPolicy(LockPolicy.Mode.VERIFY, lock, "test"));
    assertEquals(3, new ImagePuller().pull(locked).images().size());

    fx.push("example.io/drift-a", "1", true, List.of("amd64"), 1000);
    fx.push("example.io/drift-b", "1", false, List.of("amd64"), 1000);
    Path fresh = tmp.resolve("fresh");
    ImagePullException e = assertThrows(ImagePullException.class, () ->
        new ImagePuller().pull(new PullOptions(locked.images(), fresh, locked.platforms(), null, sources,
            locked.client(), 4, locked.lock(), null)));
    assertTrue(e.isIntegrityFailure());
    assertEquals(2, e.failures().size());
    assertTrue(e.getMessage().contains("example.io/drift-a:1") && e.getMessage().contains("example.io/drift-b:1"),
        e.getMessage());
    assertFalse(e.getMessage().contains("example.io/other"), e.getMessage());
    assertFalse(Files.exists(fresh), "nothing is downloaded when the lock does not match");

    new ImagePuller().pull(base.withLock(new LockPolicy(LockPolicy.Mode.UPDATE, lock, "test")));
    assertEquals(3, new ImagePuller().pull(locked).images().size());
  }
}
