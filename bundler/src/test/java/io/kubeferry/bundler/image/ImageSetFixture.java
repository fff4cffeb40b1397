package io.kubeferry.bundler.image;

import io.kubeferry.core.ImageRef;
import io.kubeferry.core.oci.MirrorRule;
import io.kubeferry.core.oci.Sources;
import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

/**
 * Seeds a registry with stand-ins for a Kubernetes version's whole image set: each canonical image pushed as a
 * two-platform index under repository {@code <canonical host>/<repository>} (Docker manifest lists for the
 * Kubernetes registries, OCI indexes for the others), and the mirror mapping that makes kubeferry pull them from
 * there under their canonical names.
 */
final class ImageSetFixture {
  final List<ImageRef> images = new ArrayList<>();
  final Map<String, FixtureImages.Pushed> pushed = new LinkedHashMap<>();
  final Sources sources;

  ImageSetFixture(String endpoint, String k8s, int layerSize) throws Exception {
    FixtureImages fx = new FixtureImages(endpoint, 42);
    TreeSet<String> hosts = new TreeSet<>();
    for (CatalogImage c : ImageCatalog.load().images(KubernetesVersion.parse(k8s), ImageSetOptions.defaults())) {
      ImageRef r = c.ref();
      boolean oci = !r.registry().equals("k8s.gcr.io") && !r.registry().equals("registry.k8s.io");
      pushed.put(r.toString(), fx.push(r.registry() + "/" + r.repository(), r.tag(), oci, List.of("amd64", "arm64"),
          layerSize));
      images.add(r);
      hosts.add(r.registry());
    }
    List<MirrorRule> rules = new ArrayList<>();
    hosts.forEach(h -> rules.add(new MirrorRule(h, endpoint, h, false)));
    sources = new Sources(rules, true);
  }

  static void requireTool(String path) throws IOException {
    if (!java.nio.file.Files.isExecutable(java.nio.file.Path.of(path))) {
      throw new IOException(path + " is required for this test (apt-get install " + path.substring(path.lastIndexOf('/') + 1) + ")");
    }
  }
}
