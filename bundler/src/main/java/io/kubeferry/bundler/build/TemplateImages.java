package io.kubeferry.bundler.build;

import io.kubeferry.core.KubernetesVersion;
import io.kubeferry.core.bundle.BundleLayout;
import io.kubeferry.core.bundle.ClusterComponents;
import io.kubeferry.core.bundle.TemplateEntry;
import io.kubeferry.core.template.ManifestException;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The images each carried template names, and the check that the bundle carries every one of them: a manifest that
 * names an image the bundle lacks would make a node pull from the internet at install time, which is what
 * kubeferry exists to prevent. The images come from core's YAML-aware scan of the manifests the cluster applies
 * ({@link io.kubeferry.core.template.TemplateImages}), with a CNI's written tags mapped to the bundled ones. Stateless.
 */
final class TemplateImages {
  private TemplateImages() {}

  /** One entry per carried template, with the canonical references of the images it names (none for configs). */
  static List<TemplateEntry> entries(Path templatesDir, List<String> templates, KubernetesVersion version,
      ClusterComponents cluster) throws IOException {
    Map<String, List<String>> images = new HashMap<>();
    try {
      for (TemplateEntry e : io.kubeferry.core.template.TemplateImages.scan(templatesDir, version, cluster)) {
        images.put(e.path(), e.images());
      }
    } catch (ManifestException e) {
      throw new IOException(e.getMessage(), e);
    }
    List<TemplateEntry> out = new ArrayList<>();
    for (String t : templates) {
      String path = BundleLayout.MANIFESTS + t;
      out.add(new TemplateEntry(path, images.getOrDefault(path, List.of())));
      images.remove(path);
    }
    if (!images.isEmpty()) {
      throw new IOException("could not build: the cluster applies " + String.join(", ", images.keySet())
          + " but the template selection does not carry it");
    }
    return out;
  }

  /**
   * Throws listing every image a template or add-on names that {@code carried} lacks (with the file naming it). Add-on
   * images join the image set by themselves, so for them this guards that nothing between scan and pull drops one.
   */
  static void requireAll(List<TemplateEntry> templates, Set<String> carried) throws IOException {
    List<String> missing = new ArrayList<>();
    for (TemplateEntry t : templates) {
      for (String image : t.images()) {
        if (!carried.contains(image)) {
          missing.add(image + " (in " + t.path() + ")");
        }
      }
    }
    if (!missing.isEmpty()) {
      throw new IOException("could not build: the bundle lacks " + missing.size() + " image(s) its manifests name: "
          + String.join(", ", missing));
    }
  }
}
