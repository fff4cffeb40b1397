package io.kubeferry.bundler.build;

import io.kubeferry.bundler.image.CatalogImage;
import io.kubeferry.bundler.image.ImageCatalog;
import io.kubeferry.bundler.image.ImageCatalogException;
import io.kubeferry.bundler.image.ImageSetOptions;
import io.kubeferry.bundler.rpm.profile.BaseOsProfile;
import io.kubeferry.core.bundle.ClusterComponents;
import io.kubeferry.core.bundle.PackageRole;
import java.io.IOException;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Turns what the operator typed into a {@link BundleRecipe}: the image set and cluster components from the image
 * catalog, the package specs from {@code rpm-sets.yaml}, the repositories from {@code sources.yaml} (mapped through
 * the operator's URL map and the mirror preset, then overridden or extended by {@code --repo}), and the templates for
 * the chosen CNI and load balancer, and the operator's add-on manifests and images. Touches no network. Stateless.
 */
public final class Recipes {
  private final ImageCatalog catalog;
  private final DefaultSources sources;
  private final RpmSets rpmSets;

  public Recipes(ImageCatalog catalog, DefaultSources sources, RpmSets rpmSets) {
    this.catalog = catalog;
    this.sources = sources;
    this.rpmSets = rpmSets;
  }

  /** The data shipped with kubeferry. */
  public static Recipes shipped() {
    return new Recipes(ImageCatalog.load(), DefaultSources.load(), RpmSets.load());
  }

  /**
   * @throws ImageCatalogException for a version, CNI or load balancer the catalog does not carry
   * @throws IllegalArgumentException for an unknown OS profile, architecture or mirror preset (the message says
   *     what is known)
   * @throws IOException when the templates or add-ons directory cannot be read, or an add-on manifest or image
   *     list is invalid (naming file and place)
   */
  public BundleRecipe resolve(RecipeRequest r) throws ImageCatalogException, IOException {
    BaseOsProfile os = BaseOsProfile.load(r.os());
    if (os.id().equals("none")) {
      throw new IllegalArgumentException("a bundle needs a target OS profile (known: "
          + String.join(", ", BaseOsProfile.IDS) + ")");
    }
    String cni = r.cni() == null ? catalog.defaultCni(r.version()) : r.cni();
    ImageSetOptions opts = new ImageSetOptions(cni, r.loadBalancer(), r.registryImage());
    OperatorImages operator = OperatorImages.read(r.addonsDir(), r.extraImages());
    List<CatalogImage> images = operator.addTo(catalog.images(r.version(), opts));
    ClusterComponents cluster = catalog.components(r.version(), opts);
    List<String> notes = new ArrayList<>();
    if (cni.equals("weave")) {
      notes.add("Weave Net is unmaintained (last release 2.8.1, 2021); prefer calico or flannel");
    }
    String rpmArch = r.arch().equals("arm64") ? "aarch64" : "x86_64";
    Map<PackageRole, List<String>> specs = new EnumMap<>(rpmSets.specs(r.version()));
    if (!r.extraRpms().isEmpty()) {
      specs.put(PackageRole.EXTRA, r.extraRpms());
    }
    List<SourceRepo> repos = repos(r, rpmArch, notes);
    List<String> templates = TemplateSelection.select(r.templatesDir(), cluster);
    return new BundleRecipe(r.version(), os, r.arch(), images, cluster, specs, repos, templates, notes, operator);
  }

  private List<SourceRepo> repos(RecipeRequest r, String rpmArch, List<String> notes) {
    UrlMap map = r.urlMap().then(r.mirror() == null ? UrlMap.none() : sources.mirror(r.mirror()));
    Map<String, SourceRepo> byId = new LinkedHashMap<>();
    if (r.defaultRepos()) {
      for (SourceRepo d : sources.forTarget(r.version(), r.os(), rpmArch)) {
        byId.put(d.id(), d.at(map.map(d.url()), d.keys().stream().map(map::map).toList()));
        if (!d.note().isEmpty()) {
          notes.add(d.note());
        }
      }
    }
    for (SourceRepo explicit : r.repos()) {
      SourceRepo replaced = byId.get(explicit.id());
      // An override without keys of its own keeps the default's keys (a mirror serves the same packages).
      byId.put(explicit.id(), replaced != null && explicit.keys().isEmpty()
          ? replaced.at(explicit.url(), replaced.keys()) : explicit);
    }
    for (SourceRepo s : byId.values()) {
      if (s.keys().isEmpty()) {
        throw new IllegalArgumentException(RepoKeys.missing(s.id()));
      }
    }
    return new ArrayList<>(byId.values());
  }
}
