package io.kubeferry.bundler.build;

import io.kubeferry.bundler.image.CatalogImage;
import io.kubeferry.core.ImageRef;
import io.kubeferry.core.bundle.ImageRole;
import io.kubeferry.core.bundle.TemplateEntry;
import io.kubeferry.core.template.ImageReference;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * What the operator carries beyond the cluster: add-on manifests ({@code --addons}) and images named directly
 * ({@code --image}, {@code --images}). Every image an add-on names joins the bundle by itself, so a manifest cannot
 * reference an image the bundle lacks; each image remembers where it was named, so a failure points there.
 * Immutable.
 *
 * @param addons the add-on manifests in path order (empty for none)
 * @param requested the images named directly, in the order given
 */
public record OperatorImages(List<AddonFile> addons, List<RequestedImage> requested) {
  public OperatorImages {
    addons = List.copyOf(addons);
    requested = List.copyOf(requested);
  }

  /** Nothing beyond the cluster. */
  public static OperatorImages none() {
    return new OperatorImages(List.of(), List.of());
  }

  /**
   * Scans {@code addonsDir} (may be null for none) and takes the requested images as they are.
   *
   * @throws IOException as {@link AddonFiles#scan}
   */
  public static OperatorImages read(Path addonsDir, List<RequestedImage> requested) throws IOException {
    return new OperatorImages(addonsDir == null ? List.of() : AddonFiles.scan(addonsDir), requested);
  }

  /**
   * The cluster's images followed by every image of the operator's that the cluster does not carry already, once
   * each, with role {@code addon}, in the order named (add-ons first).
   */
  public List<CatalogImage> addTo(List<CatalogImage> cluster) {
    List<CatalogImage> out = new ArrayList<>(cluster);
    Set<String> have = new LinkedHashSet<>();
    cluster.forEach(c -> have.add(c.ref().toString()));
    for (String ref : origins().keySet()) {
      if (have.add(ref)) {
        out.add(new CatalogImage(ImageRole.ADDON, ImageRef.parse(ref)));
      }
    }
    return out;
  }

  /**
   * Every operator image by canonical reference, with where it was named: an add-on's file, document and field
   * ({@link ImageReference#where}), a list file's line, or {@code --image}.
   */
  public Map<String, List<String>> origins() {
    Map<String, List<String>> out = new LinkedHashMap<>();
    for (AddonFile a : addons) {
      for (ImageReference r : a.images()) {
        out.computeIfAbsent(r.ref().toString(), k -> new ArrayList<>()).add(r.where());
      }
    }
    for (RequestedImage r : requested) {
      out.computeIfAbsent(r.ref().toString(), k -> new ArrayList<>()).add(r.origin());
    }
    return out;
  }

  /** The manifest's add-on entries: each file's bundle path with the canonical references it names. */
  public List<TemplateEntry> entries() {
    List<TemplateEntry> out = new ArrayList<>();
    for (AddonFile a : addons) {
      out.add(new TemplateEntry(a.bundlePath(), a.images().stream().map(r -> r.ref().toString()).toList()));
    }
    return out;
  }

  /** True when the bundle will carry add-on manifests. */
  public boolean hasAddons() {
    return !addons.isEmpty();
  }
}
