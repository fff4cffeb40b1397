package io.kubeferry.lab.installer;

import io.kubeferry.core.Descriptor;
import io.kubeferry.core.Digest;
import io.kubeferry.core.ImageRef;
import io.kubeferry.core.KubernetesVersion;
import io.kubeferry.core.MediaTypes;
import io.kubeferry.core.bundle.ClusterComponents;
import io.kubeferry.core.bundle.ImageEntry;
import io.kubeferry.core.bundle.ImageNaming;
import io.kubeferry.core.bundle.ImageRole;
import io.kubeferry.core.oci.OciLayout;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * kubeadm's seven images for a fixture bundle, as the install's verify phase requires them: one tiny linux/amd64
 * OCI image each (a config naming the image and no layer), written into an OCI layout. Nothing runs them; they exist
 * so a fixture bundle is as complete about images as a real one. Stateless.
 */
final class FixtureKubeadmImages {
  private FixtureKubeadmImages() {}

  /** Writes the images into {@code layoutDir} and returns the manifest's entries for them. */
  static List<ImageEntry> write(Path layoutDir, String version, ClusterComponents c) throws IOException {
    KubernetesVersion v = KubernetesVersion.parse(version);
    Map<String, ImageRole> refs = new LinkedHashMap<>();
    for (String name : List.of("kube-apiserver", "kube-controller-manager", "kube-scheduler", "kube-proxy")) {
      refs.put(c.kubeadmRegistry() + "/" + name + ":" + v.tag(), ImageRole.CONTROL_PLANE);
    }
    refs.put(c.kubeadmRegistry() + "/pause:" + c.pause(), ImageRole.PAUSE);
    refs.put(c.kubeadmRegistry() + "/etcd:" + c.etcd(), ImageRole.ETCD);
    refs.put(c.kubeadmRegistry() + "/coredns/coredns:" + c.coredns(), ImageRole.COREDNS);
    OciLayout layout = OciLayout.open(layoutDir);
    List<ImageEntry> out = new ArrayList<>();
    for (Map.Entry<String, ImageRole> e : refs.entrySet()) {
      byte[] config = ("{\"architecture\":\"amd64\",\"os\":\"linux\",\"config\":{\"Labels\":{\"fixture\":\""
          + e.getKey() + "\"}},\"rootfs\":{\"type\":\"layers\",\"diff_ids\":[]}}").getBytes(StandardCharsets.UTF_8);
      byte[] manifest = ("{\"schemaVersion\":2,\"mediaType\":\"" + MediaTypes.OCI_MANIFEST + "\",\"config\":"
          + "{\"mediaType\":\"application/vnd.oci.image.config.v1+json\",\"digest\":\"" + Digest.sha256Of(config)
          + "\",\"size\":" + config.length + "},\"layers\":[]}").getBytes(StandardCharsets.UTF_8);
      Digest digest = Digest.sha256Of(manifest);
      layout.blobs().write(Digest.sha256Of(config), config);
      layout.blobs().write(digest, manifest);
      layout.addImage(e.getKey(), e.getKey(), new Descriptor(MediaTypes.OCI_MANIFEST, digest, manifest.length));
      ImageRef ref = ImageRef.parse(e.getKey());
      out.add(new ImageEntry(ref.toString(), digest, List.of(new ImageEntry.Platform("linux/amd64", digest)),
          config.length + manifest.length, e.getValue(), ImageNaming.names(ref, e.getValue(), v)));
    }
    return out;
  }
}
