package io.kubeferry.installer.source;

import io.kubeferry.core.Descriptor;
import io.kubeferry.core.ImageRef;
import io.kubeferry.core.KubernetesVersion;
import io.kubeferry.core.bundle.BundleLayout;
import io.kubeferry.core.bundle.BundleManifest;
import io.kubeferry.core.bundle.ClusterComponents;
import io.kubeferry.core.bundle.ImageEntry;
import io.kubeferry.core.bundle.ImageRole;
import io.kubeferry.core.bundle.TemplateEntry;
import io.kubeferry.core.oci.OciLayout;
import io.kubeferry.core.template.ImageReference;
import io.kubeferry.core.template.ManifestException;
import io.kubeferry.core.template.ManifestImages;
import io.kubeferry.core.template.TemplateImages;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The verify phase's image check, run on the unpacked bundle after its signatures and hashes passed and before any
 * host is touched. A bundle whose signed parts disagree about images would make a node reach for the internet
 * mid-install, so this refuses it up front:
 * <ul>
 *   <li>every image a template the cluster applies or an add-on names is a bundle image, read from the files
 *       themselves with {@link ManifestImages} (the manifest's own per-file lists are not trusted for this);</li>
 *   <li>every bundle image is in the OCI layout's {@code index.json} with the digest the manifest records;</li>
 *   <li>kubeadm's images for the cluster are there: the four control-plane images at the Kubernetes version, pause,
 *       etcd and CoreDNS at the manifest's {@code cluster} tags, under its kubeadm registry.</li>
 * </ul>
 * Every problem is reported in one message. Stateless.
 */
final class BundleImageCheck {
  /** kubeadm's control-plane images (kubeadm config images list). */
  private static final List<String> CONTROL_PLANE = List.of("kube-apiserver", "kube-controller-manager",
      "kube-scheduler", "kube-proxy");

  private BundleImageCheck() {}

  /**
   * @param root the unpacked, verified bundle
   * @param source names the bundle in the message
   * @throws BundleException (integrity) listing every image that is missing or disagrees
   */
  static void check(BundleManifest m, Path root, String source) throws BundleException {
    List<String> problems = problems(m, root);
    if (!problems.isEmpty()) {
      throw new BundleException("could not verify bundle " + source + ": its signed contents disagree about images ("
          + problems.size() + " problem" + (problems.size() == 1 ? "" : "s") + "): " + String.join("; ", problems),
          true);
    }
  }

  /**
   * Every problem, in the order: unreadable manifests, named but not bundled, bundled but not in the layout, kubeadm
   * image missing.
   */
  static List<String> problems(BundleManifest m, Path root) {
    Map<String, ImageEntry> bundled = new LinkedHashMap<>();
    m.images().forEach(i -> bundled.put(ImageRef.parse(i.ref()).toString(), i));
    List<String> problems = new ArrayList<>();
    named(m, root, problems).forEach((image, where) -> {
      if (!bundled.containsKey(image)) {
        problems.add(image + " is named by " + String.join(", ", where) + " but is not a bundle image");
      }
    });
    problems.addAll(notInLayout(m, root));
    problems.addAll(kubeadmMissing(m, bundled.values()));
    return problems;
  }

  /**
   * Each image the shipped templates and add-ons name, with where; a file that cannot be read or scanned is added
   * to {@code problems} (it was signed that way, so that is an inconsistency too).
   */
  private static Map<String, List<String>> named(BundleManifest m, Path root, List<String> problems) {
    Map<String, List<String>> named = new LinkedHashMap<>();
    try {
      for (TemplateEntry t : TemplateImages.scan(root.resolve(BundleLayout.MANIFESTS),
          KubernetesVersion.parse(m.kubernetesVersion()), m.cluster())) {
        t.images().forEach(i -> named.computeIfAbsent(i, k -> new ArrayList<>()).add(t.path()));
      }
    } catch (ManifestException | IllegalArgumentException e) {
      problems.add(e.getMessage());
    }
    for (TemplateEntry a : m.addons()) {
      try {
        String text = Files.readString(BundleLayout.resolve(root, a.path()), StandardCharsets.UTF_8);
        for (ImageReference r : ManifestImages.scan(a.path(), text)) {
          named.computeIfAbsent(r.ref().toString(), k -> new ArrayList<>()).add(r.where());
        }
      } catch (IOException e) {
        problems.add("could not read add-on " + a.path() + ": " + e.getMessage());
      } catch (ManifestException e) {
        problems.add(e.getMessage());
      }
    }
    return named;
  }

  private static List<String> notInLayout(BundleManifest m, Path root) {
    if (m.images().isEmpty()) {
      return List.of();
    }
    Map<String, Descriptor> index;
    try {
      index = OciLayout.readImages(root.resolve(BundleLayout.IMAGES));
    } catch (IOException | IllegalArgumentException e) {
      return List.of("could not read " + BundleLayout.IMAGES_INDEX + ": " + e.getMessage());
    }
    List<String> problems = new ArrayList<>();
    for (ImageEntry i : m.images()) {
      Descriptor d = index.get(i.ref());
      if (d == null) {
        problems.add(i.ref() + " is a bundle image but not in " + BundleLayout.IMAGES_INDEX);
      } else if (!d.digest().equals(i.digest())) {
        problems.add(i.ref() + " is " + d.digest() + " in " + BundleLayout.IMAGES_INDEX + " but " + i.digest()
            + " in the manifest");
      }
    }
    return problems;
  }

  private static List<String> kubeadmMissing(BundleManifest m, Collection<ImageEntry> images) {
    ClusterComponents c = m.cluster();
    String version;
    try {
      version = KubernetesVersion.parse(m.kubernetesVersion()).tag();
    } catch (IllegalArgumentException e) {
      return List.of("kubeadm's images: " + e.getMessage());
    }
    List<String> problems = new ArrayList<>();
    for (String name : CONTROL_PLANE) {
      require(images, ImageRole.CONTROL_PLANE, c.kubeadmRegistry(), name, version, problems);
    }
    require(images, ImageRole.PAUSE, c.kubeadmRegistry(), "pause", c.pause(), problems);
    require(images, ImageRole.ETCD, c.kubeadmRegistry(), "etcd", c.etcd(), problems);
    require(images, ImageRole.COREDNS, c.kubeadmRegistry(), "coredns", c.coredns(), problems);
    return problems;
  }

  /** Some image of {@code role} is {@code registry/…/name:tag} (CoreDNS sits at coredns or coredns/coredns). */
  private static void require(Collection<ImageEntry> images, ImageRole role, String registry, String name,
      String tag, List<String> problems) {
    for (ImageEntry i : images) {
      ImageRef ref = ImageRef.parse(i.ref());
      String last = ref.repository().substring(ref.repository().lastIndexOf('/') + 1);
      if (i.role() == role && ref.registry().equals(registry) && last.equals(name) && tag.equals(ref.tag())) {
        return;
      }
    }
    problems.add("kubeadm's " + role + " image " + name + ":" + tag + " from " + registry + " is not a bundle image");
  }
}
