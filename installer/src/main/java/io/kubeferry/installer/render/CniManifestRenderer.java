package io.kubeferry.installer.render;

import io.kubeferry.core.bundle.ImageRole;
import io.kubeferry.core.template.ManifestException;
import io.kubeferry.core.template.UpstreamManifest;
import io.kubeferry.core.template.UpstreamManifests;
import java.util.Objects;
import java.util.Optional;

/**
 * The CNI manifest the first control plane applies: the unmodified upstream file with the pod subnet applied as its
 * origins entry says ({@link io.kubeferry.core.template.PodSubnetRule}) and every image renamed to the datacenter's
 * registry.
 */
public final class CniManifestRenderer {
  static final String ADDONS = "/etc/kubernetes/kubeferry/addons/";
  private final ManifestsDir manifests;

  public CniManifestRenderer(ManifestsDir manifests) {
    this.manifests = Objects.requireNonNull(manifests, "manifests");
  }

  /**
   * The manifest, or empty for CNI {@code none}.
   *
   * @throws RenderException when the bundle's CNI release has no manifest for the version, or the pod subnet does
   *     not suit the CNI
   */
  public Optional<RenderedFile> render(ClusterModel c) throws RenderException {
    if (c.components().cni().equals("none")) {
      return Optional.empty();
    }
    try {
      UpstreamManifest m = manifests.upstream().forCni(c.components().cni(), c.components().cniVersion(), c.version());
      String path = UpstreamManifests.DIR + "/" + m.file().path();
      String text = m.podSubnet().apply("manifests/" + path, manifests.read(path), c.podSubnet());
      String fileName = path.substring(path.lastIndexOf('/') + 1);
      return Optional.of(new RenderedFile(ADDONS + fileName, "manifests/" + path,
          InDatacenterImages.rewrite(c, "manifests/" + path, text, ImageRole.CNI, m::bundled), false));
    } catch (ManifestException e) {
      throw new RenderException(e.getMessage(), e);
    }
  }
}
