package io.kubeferry.lab.registry;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The stand-ins up, every fixture tag served with the digest LabImages reports, mirrors usable as config. */
class LabUpstreamIT {
  @TempDir
  Path tmp;

  @Test
  void servesTheWholeSetBehindTheMirrorMapping() throws Exception {
    long t0 = System.nanoTime();
    try (LabUpstream up = LabUpstream.start(Mode.REDIRECT)) {
      System.out.printf("LabUpstream (warm cache) ready in %d ms%n", (System.nanoTime() - t0) / 1_000_000);
      Map<String, URI> mirrors = up.mirrors();
      assertEquals(up.k8sGcr().baseUri(), mirrors.get("k8s.gcr.io"));
      assertEquals(up.k8sGcr().baseUri(), mirrors.get("registry.k8s.io"));
      assertEquals(up.dockerIo().baseUri(), mirrors.get("docker.io"));
      assertEquals(up.quayIo().baseUri(), mirrors.get("quay.io"));
      assertTrue(up.mirrorConfig().contains("k8s.gcr.io=" + up.k8sGcr().baseUri() + "\n"));
      assertTrue(up.dockerIo().options().modes().contains(Mode.TOKEN));
      assertEquals(14 + 2, up.images().size(), "the 1.23.1 set (registry:2 and :2.8.3 count twice) and the two"
          + " add-on fixtures");
      assertTrue(up.images().containsKey(LabImages.NODE_EXPORTER) && up.images().containsKey(LabImages.NGINX));
      for (PushedImage p : up.images().values()) {
        String host = p.canonicalRef().substring(0, p.canonicalRef().indexOf('/'));
        String rest = p.canonicalRef().substring(host.length() + 1);
        // Resolve the canonical name through the mirror mapping, as the product will.
        String viaMirror = mirrors.get(host).getAuthority() + "/" + rest;
        assertEquals(p.labReference(), viaMirror);
        assertEquals(p.indexDigest(), Skopeo.rawDigest(viaMirror), p.canonicalRef());
        assertEquals(java.util.Set.of("linux/amd64", "linux/arm64"), p.platformManifests().keySet());
      }
      PushedImage haproxy = up.images().get("docker.io/library/haproxy:2.8");
      Skopeo.ok("copy", "--all", "--src-tls-verify=false", "docker://" + haproxy.labReference(),
          "oci:" + tmp.resolve("layout") + ":haproxy");
      Skopeo.Result inspect = Skopeo.ok("inspect", "oci:" + tmp.resolve("layout") + ":haproxy");
      assertTrue(inspect.output().contains("\"Architecture\": \"amd64\""), inspect.output());
    }
  }
}
