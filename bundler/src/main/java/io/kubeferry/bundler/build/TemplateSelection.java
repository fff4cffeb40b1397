package io.kubeferry.bundler.build;

import io.kubeferry.core.bundle.ClusterComponents;
import io.kubeferry.core.template.UpstreamManifests;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

/**
 * Which files of the templates directory a bundle carries: every shared template (kubeadm, runtime, etcd, ...), the
 * one CNI manifest of the chosen CNI release, and the load balancer's files. Manifests for other CNIs or releases
 * stay out: their images are not in the bundle, and every image a carried manifest names must be. Stateless.
 */
final class TemplateSelection {
  private static final String CNI_DIR = "cni/";
  /** Load-balancer template directories, by the choice that carries them. */
  private static final List<String> LB_DIRS = List.of("ha/", "kube-vip/");

  private TemplateSelection() {}

  static List<String> select(Path dir, ClusterComponents c) throws IOException {
    if (!Files.isDirectory(dir)) {
      throw new NoSuchFileException(dir.toString(), null, "the templates directory (manifests/) is missing");
    }
    try (Stream<Path> walk = Files.walk(dir)) {
      return walk.filter(Files::isRegularFile)
          .map(p -> dir.relativize(p).toString().replace('\\', '/'))
          .filter(p -> wanted(p, c))
          .sorted()
          .toList();
    }
  }

  private static boolean wanted(String path, ClusterComponents c) {
    if (path.startsWith(CNI_DIR)) {
      String rest = path.substring(CNI_DIR.length());
      int slash = rest.indexOf('/');
      if (slash < 0) {
        // The origins table: the installer reads how to apply the carried CNI manifest from it.
        return rest.equals(UpstreamManifests.ORIGINS) && !c.cni().equals("none");
      }
      if (!rest.substring(0, slash).equals(c.cni())) {
        return false;
      }
      String file = rest.substring(slash + 1);
      // The CNI's licence and notes travel with it; its manifests only for the pinned release.
      return !isManifest(file) || file.contains(c.cniVersion());
    }
    for (String lb : LB_DIRS) {
      if (path.startsWith(lb)) {
        return lb.equals("ha/") ? c.loadBalancer().equals("haproxy-keepalived") : c.loadBalancer().equals("kube-vip");
      }
    }
    return true;
  }

  private static boolean isManifest(String file) {
    return file.endsWith(".yaml") || file.endsWith(".yml");
  }
}
