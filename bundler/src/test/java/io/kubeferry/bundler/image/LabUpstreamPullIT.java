package io.kubeferry.bundler.image;

import io.kubeferry.core.KubernetesVersion;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.kubeferry.bundler.image.PullOptions.LockPolicy;
import io.kubeferry.core.Digest;
import io.kubeferry.core.ImageRef;
import io.kubeferry.core.MediaTypes;
import io.kubeferry.core.Platform;
import io.kubeferry.core.oci.CredentialStore;
import io.kubeferry.core.oci.Credentials;
import io.kubeferry.core.oci.MirrorRule;
import io.kubeferry.core.oci.OciLayout;
import io.kubeferry.core.oci.PulledImage;
import io.kubeferry.core.oci.RegistryClientOptions;
import io.kubeferry.core.oci.Sources;
import io.kubeferry.lab.registry.LabRegistry;
import io.kubeferry.lab.registry.LabUpstream;
import io.kubeferry.lab.registry.Mode;
import io.kubeferry.lab.registry.PushedImage;
import io.kubeferry.lab.registry.RequestKind;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The 1.23.1 set as the lab's {@link LabUpstream} serves it (jib-built fixture images, Docker manifest lists and OCI
 * indexes, linux/amd64 + linux/arm64/v8, a k8s.gcr.io stand-in and a token-mode docker.io stand-in), reached through
 * the lab's canonical-host → endpoint mapping exactly as a mirror would be.
 */
class LabUpstreamPullIT {
  private static List<ImageRef> set() throws Exception {
    return ImageCatalog.load().images(KubernetesVersion.parse("1.23.1"), ImageSetOptions.defaults()).stream()
        .map(CatalogImage::ref).toList();
  }

  private static PullOptions options(LabUpstream up, Path layout, Path cache) throws Exception {
    List<MirrorRule> rules = new ArrayList<>();
    up.mirrors().forEach((host, uri) -> rules.add(new MirrorRule(host, uri.getAuthority(), "", false)));
    Map<String, Credentials> creds = new HashMap<>();
    for (LabRegistry r : List.of(up.k8sGcr(), up.dockerIo())) {
      if (r.credentials() != null) {
        creds.put(r.endpoint(), new Credentials(r.credentials().username(), r.credentials().password()));
      }
    }
    return PullOptions.of(set(), layout).withCache(cache).withSources(new Sources(rules, true))
        .withClient(RegistryClientOptions.defaults().withCredentials(CredentialStore.of(creds)))
        .withPlatforms(Set.of(Platform.LINUX_AMD64, Platform.LINUX_ARM64));
  }

  @Test
  void fullFixtureSetByteExactThenWarmCacheWithoutBlobRequests(@TempDir Path tmp) throws Exception {
    try (LabUpstream up = LabUpstream.start(Mode.TOKEN, Mode.REDIRECT)) {
      PullResult r = new ImagePuller().pull(options(up, tmp.resolve("layout"), tmp.resolve("cache")));
      assertEquals(set().size(), r.images().size());
      for (PulledImage img : r.images()) {
        PushedImage upstream = up.images().get(img.image());
        assertEquals(upstream.indexDigest(), img.digest(), img.image());
        assertEquals(upstream.indexMediaType(), img.mediaType(), img.image());
        assertEquals(upstream.platformManifests().get("linux/amd64"), img.platforms().get(Platform.LINUX_AMD64));
        Digest arm = img.platforms().entrySet().stream().filter(e -> e.getKey().architecture().equals("arm64"))
            .map(Map.Entry::getValue).findFirst().orElseThrow();
        Digest upstreamArm = upstream.platformManifests().entrySet().stream()
            .filter(e -> e.getKey().startsWith("linux/arm64")).map(Map.Entry::getValue).findFirst().orElseThrow();
        assertEquals(upstreamArm, arm, img.image());
      }
      OciLayout layout = OciLayout.open(tmp.resolve("layout"));
      ImageSetPullIT.assertLayoutIntact(layout);
      for (PulledImage img : r.images()) {
        if (img.mediaType().equals(MediaTypes.OCI_INDEX)) {
          String raw = ImageSetPullIT.run("skopeo", "inspect", "--raw", "oci:" + layout.dir() + ":" + img.image());
          assertEquals(img.digest(), Digest.sha256Of(raw.getBytes(java.nio.charset.StandardCharsets.UTF_8)));
          ImageSetPullIT.run("skopeo", "inspect", "--override-arch", "amd64", "oci:" + layout.dir() + ":" + img.image());
        }
      }
      up.k8sGcr().front().resetCounters();
      up.dockerIo().front().resetCounters();
      PullResult warm = new ImagePuller().pull(options(up, tmp.resolve("again"), tmp.resolve("cache")));
      for (LabRegistry reg : List.of(up.k8sGcr(), up.dockerIo())) {
        assertEquals(0, reg.count(RequestKind.BLOB_GET), "blob GETs at " + reg.endpoint());
        assertEquals(0, reg.count(RequestKind.BLOB_HOST_GET), "redirected blob GETs at " + reg.endpoint());
      }
      assertEquals(0, warm.bytesDownloaded());
    }
  }

  @Test
  void lockedPullFailsNamingEachRepushedImage(@TempDir Path tmp) throws Exception {
    try (LabUpstream up = LabUpstream.start()) {
      Path lock = tmp.resolve("images.lock");
      PullOptions base = options(up, tmp.resolve("layout"), tmp.resolve("cache"))
          .withPlatforms(Set.of(Platform.LINUX_AMD64));
      new ImageLocker().lock(base.withLock(new LockPolicy(LockPolicy.Mode.UPDATE, lock, "1.23.1")));
      assertEquals(up.images().get("k8s.gcr.io/pause:3.6").indexDigest(),
          ImagesLock.read(lock).entries("1.23.1", "amd64").get("k8s.gcr.io/pause:3.6").digest());

      up.fixtures().repush("k8s.gcr.io/kube-proxy:v1.23.1", 1);
      up.fixtures().repush("docker.io/calico/node:" + "v3.24.6", 1);
      ImagePullException e = assertThrows(ImagePullException.class, () -> new ImagePuller().pull(
          base.withLock(new LockPolicy(LockPolicy.Mode.VERIFY, lock, "1.23.1"))));
      assertTrue(e.isIntegrityFailure());
      assertEquals(2, e.failures().size(), e.getMessage());
      assertTrue(e.getMessage().contains("k8s.gcr.io/kube-proxy:v1.23.1")
          && e.getMessage().contains("docker.io/calico/node:v3.24.6"), e.getMessage());
      assertFalse(e.getMessage().contains("pause"), e.getMessage());
    }
  }
}
