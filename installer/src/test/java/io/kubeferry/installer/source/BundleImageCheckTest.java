package io.kubeferry.installer.source;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.kubeferry.core.Descriptor;
import io.kubeferry.core.Digest;
import io.kubeferry.core.ImageRef;
import io.kubeferry.core.KubernetesVersion;
import io.kubeferry.core.MediaTypes;
import io.kubeferry.core.bundle.BundleLayout;
import io.kubeferry.core.bundle.BundleManifest;
import io.kubeferry.core.bundle.ClusterComponents;
import io.kubeferry.core.bundle.FileEntry;
import io.kubeferry.core.bundle.ImageEntry;
import io.kubeferry.core.bundle.ImageNaming;
import io.kubeferry.core.bundle.ImageRole;
import io.kubeferry.core.bundle.TemplateEntry;
import io.kubeferry.core.oci.OciLayout;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The verify phase's image check on hand-made unpacked bundles: every disagreement is found and named at once. */
class BundleImageCheckTest {
  private static final ClusterComponents CLUSTER = new ClusterComponents("k8s.gcr.io", "3.6", "3.5.1-0", "v1.8.6",
      "none", "", "haproxy-keepalived");
  private static final String ADDON = "addons/10-web.yaml";
  private static final String WEB = """
      apiVersion: apps/v1
      kind: Deployment
      metadata: {name: web}
      spec:
        template:
          spec:
            containers:
            - {name: nginx, image: nginx:1.25.3}
      """;

  @TempDir Path root;
  /** The images a consistent bundle of this cluster carries, by role. */
  private final Map<String, ImageRole> images = new LinkedHashMap<>();

  @BeforeEach
  void consistentBundle() throws Exception {
    for (String c : List.of("kube-apiserver", "kube-controller-manager", "kube-scheduler", "kube-proxy")) {
      images.put("k8s.gcr.io/" + c + ":v1.23.1", ImageRole.CONTROL_PLANE);
    }
    images.put("k8s.gcr.io/pause:3.6", ImageRole.PAUSE);
    images.put("k8s.gcr.io/etcd:3.5.1-0", ImageRole.ETCD);
    images.put("k8s.gcr.io/coredns/coredns:v1.8.6", ImageRole.COREDNS);
    images.put("docker.io/library/haproxy:2.8", ImageRole.LOAD_BALANCER);
    images.put("docker.io/osixia/keepalived:2.0.20", ImageRole.LOAD_BALANCER);
    images.put("docker.io/library/nginx:1.25.3", ImageRole.ADDON);
    Path ha = Files.createDirectories(root.resolve("manifests/ha"));
    for (String pod : List.of("haproxy.yaml", "keepalived.yaml")) {
      Files.copy(Path.of("..", "manifests", "ha", pod), ha.resolve(pod));
    }
    Files.writeString(Files.createDirectories(root.resolve("addons")).resolve("10-web.yaml"), WEB);
  }

  private static Digest digest(String ref) {
    return Digest.sha256Of(ref.getBytes(StandardCharsets.UTF_8));
  }

  /** The manifest of {@link #images}, and an index.json holding {@code inLayout} with their digests. */
  private BundleManifest manifest(Map<String, Digest> inLayout) throws Exception {
    OciLayout layout = OciLayout.open(root.resolve("images"));
    inLayout.forEach((ref, d) -> {
      try {
        layout.addImage(ref, ref, new Descriptor(MediaTypes.OCI_MANIFEST, d, 100));
      } catch (java.io.IOException e) {
        throw new IllegalStateException(e);
      }
    });
    List<ImageEntry> entries = new ArrayList<>();
    List<FileEntry> files = new ArrayList<>();
    images.forEach((ref, role) -> {
      Digest d = digest(ref);
      entries.add(new ImageEntry(ref, d, List.of(new ImageEntry.Platform("linux/amd64", d)), 100, role,
          ImageNaming.names(ImageRef.parse(ref), role, KubernetesVersion.parse("1.23.1"))));
      files.add(new FileEntry(BundleLayout.imageBlob(d), d, 100, false));
    });
    Digest any = digest("file");
    for (String f : List.of("manifests/ha/haproxy.yaml", "manifests/ha/keepalived.yaml", ADDON)) {
      files.add(new FileEntry(f, any, 1, false));
    }
    // The add-on's entry claims no image: the check reads the file itself, not this list.
    return new BundleManifest(BundleLayout.API_VERSION, BundleLayout.KIND, "1.23.1", "el7", "amd64", null, CLUSTER,
        Map.of(), List.of(), entries, List.of(), List.of(new TemplateEntry("manifests/ha/haproxy.yaml", List.of()),
        new TemplateEntry("manifests/ha/keepalived.yaml", List.of())), List.of(new TemplateEntry(ADDON, List.of())),
        null, files);
  }

  private Map<String, Digest> layoutOfAll() {
    Map<String, Digest> all = new LinkedHashMap<>();
    images.keySet().forEach(r -> all.put(r, digest(r)));
    return all;
  }

  @Test
  void aConsistentBundlePasses() throws Exception {
    assertEquals(List.of(), BundleImageCheck.problems(manifest(layoutOfAll()), root));
  }

  @Test
  void anAddOnImageMissingFromTheSetIsNamedWithItsFileDocumentAndField() throws Exception {
    Map<String, Digest> layout = layoutOfAll();
    images.remove("docker.io/library/nginx:1.25.3");
    layout.remove("docker.io/library/nginx:1.25.3");
    assertEquals(List.of("docker.io/library/nginx:1.25.3 is named by addons/10-web.yaml document 1 (Deployment web)"
        + " spec.template.spec.containers[0].image but is not a bundle image"),
        BundleImageCheck.problems(manifest(layout), root));
  }

  @Test
  void aTemplatesImageMissingFromTheSetIsNamedWithTheTemplate() throws Exception {
    images.remove("docker.io/library/haproxy:2.8");
    assertEquals(List.of("docker.io/library/haproxy:2.8 is named by manifests/ha/haproxy.yaml but is not a bundle"
        + " image"), BundleImageCheck.problems(manifest(layoutOfAll()), root));
  }

  @Test
  void everyBundleImageMustBeInTheLayoutWithItsDigest() throws Exception {
    Map<String, Digest> layout = layoutOfAll();
    layout.remove("docker.io/osixia/keepalived:2.0.20");
    layout.put("k8s.gcr.io/pause:3.6", digest("another pause"));
    assertEquals(List.of("docker.io/osixia/keepalived:2.0.20 is a bundle image but not in images/index.json",
        "k8s.gcr.io/pause:3.6 is " + digest("another pause") + " in images/index.json but "
        + digest("k8s.gcr.io/pause:3.6") + " in the manifest"), BundleImageCheck.problems(manifest(layout), root));
  }

  @Test
  void kubeadmsImagesMustBeThereAtTheClustersTags() throws Exception {
    images.remove("k8s.gcr.io/kube-proxy:v1.23.1");
    images.remove("k8s.gcr.io/etcd:3.5.1-0");
    images.put("k8s.gcr.io/etcd:3.5.0-0", ImageRole.ETCD); // another tag than the manifest's cluster.etcd
    assertEquals(List.of("kubeadm's control-plane image kube-proxy:v1.23.1 from k8s.gcr.io is not a bundle image",
        "kubeadm's etcd image etcd:3.5.1-0 from k8s.gcr.io is not a bundle image"),
        BundleImageCheck.problems(manifest(layoutOfAll()), root));
  }

  @Test
  void oneIntegrityFailureListsEverything() throws Exception {
    Map<String, Digest> layout = layoutOfAll();
    images.remove("docker.io/library/nginx:1.25.3");
    images.remove("k8s.gcr.io/pause:3.6");
    layout.remove("docker.io/library/haproxy:2.8");
    BundleManifest m = manifest(layout);
    BundleException e = assertThrows(BundleException.class, () -> BundleImageCheck.check(m, root, "x.tgz"));
    assertTrue(e.integrity());
    assertEquals("could not verify bundle x.tgz: its signed contents disagree about images (3 problems):"
        + " docker.io/library/nginx:1.25.3 is named by addons/10-web.yaml document 1 (Deployment web)"
        + " spec.template.spec.containers[0].image but is not a bundle image; docker.io/library/haproxy:2.8 is a"
        + " bundle image but not in images/index.json; kubeadm's pause image pause:3.6 from k8s.gcr.io is not a"
        + " bundle image", e.getMessage());
    assertEquals(1, e.getMessage().lines().count());
  }

  @Test
  void anAddOnThatIsNoLongerValidYamlIsAProblemToo() throws Exception {
    Files.writeString(root.resolve(ADDON), "kind: Deployment\nspec: [unclosed\n");
    List<String> problems = BundleImageCheck.problems(manifest(layoutOfAll()), root);
    assertEquals(1, problems.size(), problems.toString());
    assertTrue(problems.get(0).startsWith("could not read images of addons/10-web.yaml: not valid YAML"),
        problems.get(0));
  }
}
