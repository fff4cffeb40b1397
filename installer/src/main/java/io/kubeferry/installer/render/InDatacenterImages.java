package io.kubeferry.installer.render;

import io.kubeferry.core.ImageRef;
import io.kubeferry.core.bundle.ImageNaming;
import io.kubeferry.core.bundle.ImageRole;
import io.kubeferry.core.template.ImageMapping;
import io.kubeferry.core.template.ImageRewriter;
import io.kubeferry.core.template.ManifestException;
import java.util.function.UnaryOperator;

/** Images as the datacenter's registry serves them: {@link ImageNaming}'s primary name at the registry location. */
final class InDatacenterImages {
  private InDatacenterImages() {}

  /** The pause image the kubelet (up to 1.23) and containerd's {@code sandbox_image} use. */
  static String pause(ClusterModel c) {
    ImageRef upstream = ImageRef.parse(c.components().kubeadmRegistry() + "/pause:" + c.components().pause());
    return ImageNaming.at(c.registry().location(), ImageNaming.primary(upstream, ImageRole.PAUSE, c.version()));
  }

  /**
   * {@code manifest} with every image renamed.
   *
   * @param bundled maps a reference as written to the one the bundle carries (Weave's {@code latest} tags)
   */
  static String rewrite(ClusterModel c, String file, String manifest, ImageRole role, UnaryOperator<ImageRef> bundled)
      throws RenderException {
    ImageMapping mapping = ref -> ImageNaming.at(c.registry().location(),
        ImageNaming.primary(bundled.apply(ref.ref()), role, c.version()));
    try {
      return ImageRewriter.rewrite(file, manifest, mapping);
    } catch (ManifestException e) {
      throw new RenderException(e.getMessage(), e);
    }
  }
}
