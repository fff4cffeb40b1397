package io.kubeferry.bundler.build;

import io.kubeferry.core.KubernetesVersion;
import java.nio.file.Path;
import java.util.List;
import java.util.Objects;

/**
 * What the operator asked {@code bundle build} for; {@link Recipes#resolve} fills in every default in one place.
 *
 * @param version exact Kubernetes version
 * @param os OS profile id ({@code el7}, {@code el9}, {@code kylin-v10}, ...)
 * @param arch {@code amd64} or {@code arm64}
 * @param cni CNI to carry, or null for the version's default ({@code none} for no CNI)
 * @param loadBalancer {@code haproxy-keepalived}, {@code kube-vip} or {@code none}
 * @param registryImage whether to carry the in-datacenter registry image
 * @param mirror a {@code --mirror} preset name, or null
 * @param urlMap the operator's own URL rewrites (applied before the preset's)
 * @param repos repositories from {@code --repo}: one with a default's id replaces it, others are added
 * @param defaultRepos whether to start from the default repositories at all
 * @param extraRpms additional package specs ({@code --rpm})
 * @param templatesDir the {@code manifests/} directory to select templates from
 * @param addonsDir the operator's add-on manifests ({@code --addons}), or null for none
 * @param extraImages images named directly ({@code --image}, {@code --images})
 */
public record RecipeRequest(KubernetesVersion version, String os, String arch, String cni, String loadBalancer,
    boolean registryImage, String mirror, UrlMap urlMap, List<SourceRepo> repos, boolean defaultRepos,
    List<String> extraRpms, Path templatesDir, Path addonsDir, List<RequestedImage> extraImages) {
  /** A request without add-ons or extra images. */
  public RecipeRequest(KubernetesVersion version, String os, String arch, String cni, String loadBalancer,
      boolean registryImage, String mirror, UrlMap urlMap, List<SourceRepo> repos, boolean defaultRepos,
      List<String> extraRpms, Path templatesDir) {
    this(version, os, arch, cni, loadBalancer, registryImage, mirror, urlMap, repos, defaultRepos, extraRpms,
        templatesDir, null, List.of());
  }

  public RecipeRequest {
    Objects.requireNonNull(version, "version");
    Objects.requireNonNull(os, "os");
    Objects.requireNonNull(arch, "arch");
    Objects.requireNonNull(loadBalancer, "loadBalancer");
    urlMap = urlMap == null ? UrlMap.none() : urlMap;
    repos = List.copyOf(repos);
    extraRpms = List.copyOf(extraRpms);
    Objects.requireNonNull(templatesDir, "templatesDir");
    extraImages = List.copyOf(extraImages);
  }

  /** Defaults everywhere: el7, amd64, the version's CNI, haproxy + keepalived, the registry image, no mirror. */
  public static RecipeRequest of(KubernetesVersion version, Path templatesDir) {
    return new RecipeRequest(version, "el7", "amd64", null, "haproxy-keepalived", true, null, UrlMap.none(),
        List.of(), true, List.of(), templatesDir);
  }
}
