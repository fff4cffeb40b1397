package io.kubeferry.cli.bundle;

import io.kubeferry.bundler.image.CatalogImage;
import io.kubeferry.bundler.image.ImageCatalog;
import io.kubeferry.bundler.image.ImageCatalogException;
import io.kubeferry.bundler.image.ImageSetOptions;
import io.kubeferry.core.KubernetesVersion;
import io.kubeferry.bundler.image.MirrorPresets;
import io.kubeferry.core.Platform;
import io.kubeferry.core.oci.MirrorRule;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import picocli.CommandLine.Option;

/** The options that pick a cluster's image set: version, architectures, CNI, load balancer, mirror preset. */
public final class ImageSetOptionsMixin {
  @Option(names = "--k8s", required = true, paramLabel = "VERSION", description = "Exact Kubernetes version, e.g. 1.23.1.")
  String k8s;

  @Option(names = "--arch", split = ",", paramLabel = "ARCH", defaultValue = "amd64",
      description = "Architectures to carry (default: ${DEFAULT-VALUE}).")
  List<String> arch;

  @Option(names = "--cni", description = "calico, flannel, weave or none (default: the version's, calico from 1.22,"
      + " flannel before).")
  String cni;

  @Option(names = "--lb", defaultValue = "haproxy-keepalived",
      description = "haproxy-keepalived, kube-vip or none (default: ${DEFAULT-VALUE}).")
  String lb;

  @Option(names = "--no-registry-image", description = "Leave out the in-datacenter registry image.")
  boolean noRegistry;

  @Option(names = "--mirror", paramLabel = "PRESET", description = "Mirror preset tried before the upstreams, e.g. cn.")
  String mirror;

  KubernetesVersion version() {
    return KubernetesVersion.parse(k8s);
  }

  List<CatalogImage> images() throws ImageCatalogException {
    ImageCatalog catalog = ImageCatalog.load();
    return catalog.images(version(), new ImageSetOptions(cni == null ? catalog.defaultCni(version()) : cni, lb,
        !noRegistry));
  }

  Set<Platform> platforms() {
    Set<Platform> out = new TreeSet<>();
    arch.forEach(a -> out.add(Platform.parse(a)));
    return out;
  }

  /** The preset's rules (if any) followed by explicit ones. */
  List<MirrorRule> mirrorRules(List<MirrorRule> explicit) throws ImageCatalogException {
    List<MirrorRule> out = new ArrayList<>(explicit);
    if (mirror != null) {
      out.addAll(MirrorPresets.preset(mirror));
    }
    return out;
  }
}
