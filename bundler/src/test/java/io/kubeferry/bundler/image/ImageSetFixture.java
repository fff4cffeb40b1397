package io.kubeferry.bundler.image;

import io.kubeferry.core.KubernetesVersion;
import io.kubeferry.core.ImageRef;
import io.kubeferry.core.oci.CredentialStore;
import io.kubeferry.core.oci.Credentials;
import io.kubeferry.core.oci.MirrorRule;
import io.kubeferry.core.oci.RegistryClientOptions;
import io.kubeferry.core.oci.Sources;
import io.kubeferry.lab.registry.LabRegistry;
import io.kubeferry.lab.registry.Mode;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

/**
 * A lab registry seeded with stand-ins for a Kubernetes version's whole image set: each canonical image pushed as a
 * two-platform index under repository {@code <canonical host>/<repository>} (Docker manifest lists for the
 * Kubernetes registries, OCI indexes for the others), plus the mirror mapping (canonical host → lab endpoint) and
 * client options (lab credentials) that make kubeferry pull them from there under their canonical names.
 */
final class ImageSetFixture implements AutoCloseable {
  final LabRegistry lab;
  final List<ImageRef> images = new ArrayList<>();
  final Map<String, FixtureImages.Pushed> pushed = new LinkedHashMap<>();
  final Sources sources;
  final RegistryClientOptions client;

  ImageSetFixture(String k8s, int layerSize, Mode... modes) throws Exception {
    lab = LabRegistry.start(modes);
    try {
      FixtureImages fx = new FixtureImages(lab.endpoint(), 42);
      if (lab.credentials() != null) {
        fx.as(lab.credentials().username(), lab.credentials().password());
      }
      TreeSet<String> hosts = new TreeSet<>();
      for (CatalogImage c : ImageCatalog.load().images(KubernetesVersion.parse(k8s), ImageSetOptions.defaults())) {
        ImageRef r = c.ref();
        boolean oci = !r.registry().equals("k8s.gcr.io") && !r.registry().equals("registry.k8s.io");
        pushed.put(r.toString(), fx.push(r.registry() + "/" + r.repository(), r.tag(), oci,
            List.of("amd64", "arm64"), layerSize));
        images.add(r);
        hosts.add(r.registry());
      }
      List<MirrorRule> rules = new ArrayList<>();
      hosts.forEach(h -> rules.add(new MirrorRule(h, lab.endpoint(), h, false)));
      sources = new Sources(rules, true);
      client = clientFor(lab);
      lab.front().resetCounters();
    } catch (Exception | Error e) {
      lab.close();
      throw e;
    }
  }

  /** Client options with the lab's credentials (if it has any). */
  static RegistryClientOptions clientFor(LabRegistry lab) {
    RegistryClientOptions o = RegistryClientOptions.defaults();
    if (lab.credentials() != null) {
      o = o.withCredentials(CredentialStore.of(Map.of(lab.endpoint(),
          new Credentials(lab.credentials().username(), lab.credentials().password()))));
    }
    return o;
  }

  @Override
  public void close() {
    lab.close();
  }
}
