package io.kubeferry.bundler.build;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.kubeferry.bundler.image.ImageCatalog;
import io.kubeferry.bundler.image.ImageCatalogException;
import io.kubeferry.core.KubernetesVersion;
import io.kubeferry.core.bundle.ImageRole;
import io.kubeferry.core.bundle.PackageRole;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.api.Test;

/** What `bundle build --k8s V` decides with no other option, for every minor the catalog knows. */
class RecipesTest {
  private static final Path TEMPLATES = Path.of("..", "manifests");
  private static final Recipes RECIPES = Recipes.shipped();

  private static BundleRecipe recipe(String version, String os) throws Exception {
    return RECIPES.resolve(new RecipeRequest(KubernetesVersion.parse(version), os, "amd64", null,
        "haproxy-keepalived", true, null, UrlMap.none(), List.of(), true, List.of(), TEMPLATES));
  }

  /** The newest patch of every minor 1.20–1.31, for el7 and el9. */
  static Stream<Arguments> everyMinorLatestPatch() {
    String range = ImageCatalog.load().supportedRange(); // "1.20.0 to 1.31.14"
    int first = Integer.parseInt(range.split(" ")[0].split("\\.")[1]);
    int last = Integer.parseInt(range.split(" ")[2].split("\\.")[1]);
    Stream.Builder<Arguments> out = Stream.builder();
    for (int minor = first; minor <= last; minor++) {
      for (String os : List.of("el7", "el9")) {
        out.add(Arguments.of(latest(minor), os));
      }
    }
    return out.build();
  }

  private static String latest(int minor) {
    for (int patch = 30; patch >= 0; patch--) {
      try {
        ImageCatalog.load().defaultRegistry(KubernetesVersion.parse("1." + minor + "." + patch));
        return "1." + minor + "." + patch;
      } catch (ImageCatalogException e) {
        // beyond the minor's last patch
      }
    }
    throw new IllegalStateException("no patch of 1." + minor);
  }

  @ParameterizedTest(name = "{0} {1}")
  @MethodSource("everyMinorLatestPatch")
  void everyMinorHasADefaultRecipe(String version, String os) throws Exception {
    BundleRecipe r = recipe(version, os);
    KubernetesVersion v = KubernetesVersion.parse(version);
    List<String> k8s = r.packageSpecs().get(PackageRole.KUBERNETES);
    assertTrue(k8s.stream().anyMatch(s -> s.startsWith("kubeadm-" + version)), k8s.toString());
    assertTrue(k8s.stream().anyMatch(s -> s.startsWith("kubernetes-cni-")), k8s.toString());
    assertTrue(k8s.stream().anyMatch(s -> s.startsWith("cri-tools-")), k8s.toString());
    assertTrue(r.packageSpecs().get(PackageRole.RUNTIME_CONTAINERD).get(0).startsWith("containerd.io-"));
    assertEquals(v.minor() <= 23, r.packageSpecs().containsKey(PackageRole.RUNTIME_DOCKER), "dockershim era");
    SourceRepo kubernetes = r.repos().get(0);
    if (v.minor() >= 24) {
      assertEquals("https://pkgs.k8s.io/core:/stable:/v1." + v.minor() + "/rpm/", kubernetes.url());
    } else {
      assertTrue(kubernetes.url().contains("kubernetes-el7-x86_64"), kubernetes.url());
      assertTrue(r.notes().stream().anyMatch(n -> n.contains("legacy Google repository is gone")), r.notes()
          .toString());
    }
    assertTrue(r.repos().stream().anyMatch(s -> s.id().equals("docker-ce")), r.repos().toString());
    assertTrue(r.repos().stream().allMatch(s -> !s.keys().isEmpty()), "every source has its keys");
    assertEquals(4, r.images().stream().filter(i -> i.role() == ImageRole.CONTROL_PLANE).count());
    assertTrue(r.images().stream().anyMatch(i -> i.role() == ImageRole.CNI), "a CNI by default");
    assertTrue(r.templates().stream().anyMatch(t -> t.startsWith("kubeadm/")), r.templates().toString());
    assertTrue(r.render().contains("pinned specs"), r.render());
  }

  @Test
  void v1302PrintsThePkgsK8sIoRepositoryAndItsImageSet() throws Exception {
    String text = recipe("1.30.2", "el9").render();
    assertTrue(text.contains("kubernetes  https://pkgs.k8s.io/core:/stable:/v1.30/rpm/"), text);
    assertTrue(text.contains("registry.k8s.io/kube-apiserver:v1.30.2"), text);
    assertTrue(text.contains("registry.k8s.io/etcd:3.5.12-0"), text);
    assertTrue(text.contains("kubeadm-1.30.2 "), text);
  }

  @Test
  void aMirrorPresetAndTheOperatorsUrlMapRewriteTheSources() throws Exception {
    UrlMap lab = new UrlMap(List.of(new UrlMap.Rule("https://download.docker.com/", "http://127.0.0.1:9/dl/")));
    BundleRecipe r = RECIPES.resolve(new RecipeRequest(KubernetesVersion.parse("1.30.2"), "el9", "amd64", null,
        "none", false, "cn", lab, List.of(), true, List.of(), TEMPLATES));
    assertEquals("https://mirrors.aliyun.com/kubernetes-new/core/stable/v1.30/rpm/", r.repos().get(0).url());
    assertTrue(r.repos().get(0).keys().get(0).startsWith("https://mirrors.aliyun.com/kubernetes-new/"));
    assertEquals("http://127.0.0.1:9/dl/linux/centos/9/x86_64/stable/", r.repos().get(1).url(),
        "the operator's map wins over the preset");
  }

  @Test
  void anExplicitRepoReplacesTheDefaultOfItsIdAndKeepsItsKeys() throws Exception {
    BundleRecipe r = RECIPES.resolve(new RecipeRequest(KubernetesVersion.parse("1.23.1"), "el7", "amd64", null,
        "none", false, null, UrlMap.none(), List.of(new SourceRepo("base", "/srv/base", List.of(), true, "")), true,
        List.of("vim-enhanced"), TEMPLATES));
    SourceRepo base = r.repos().stream().filter(s -> s.id().equals("base")).findFirst().orElseThrow();
    assertEquals("/srv/base", base.url());
    assertEquals(List.of("https://vault.centos.org/RPM-GPG-KEY-CentOS-7"), base.keys());
    assertEquals(List.of("vim-enhanced"), r.packageSpecs().get(PackageRole.EXTRA));
  }

  @Test
  void addOnImagesJoinTheSetAndTheDryRunListsTheAddOns(@org.junit.jupiter.api.io.TempDir Path dir) throws Exception {
    java.nio.file.Files.writeString(dir.resolve("web.yaml"), io.kubeferry.lab.registry.LabAddons.WEB);
    BundleRecipe r = RECIPES.resolve(new RecipeRequest(KubernetesVersion.parse("1.23.1"), "el7", "amd64", "none",
        "none", false, null, UrlMap.none(), List.of(), true, List.of(), TEMPLATES, dir,
        List.of(RequestedImage.option("quay.io/prometheus/node-exporter:v1.7.0"))));
    assertEquals(List.of("docker.io/library/nginx:1.25.3", "quay.io/prometheus/node-exporter:v1.7.0"),
        r.images().stream().filter(i -> i.role() == ImageRole.ADDON).map(i -> i.ref().toString()).toList());
    assertTrue(r.render().contains("\nadd-ons (1, applied in this order after the CNI):\n  addons/web.yaml"
        + "  docker.io/library/nginx:1.25.3\n"), r.render());
  }

  @Test
  void unknownProfilesAndCalicoOn121AreRefusedWithWhatIsKnown() {
    IllegalArgumentException os = assertThrows(IllegalArgumentException.class, () -> recipe("1.23.1", "sles15"));
    assertTrue(os.getMessage().contains("el7") && os.getMessage().contains("kylin-v10"), os.getMessage());
    ImageCatalogException cni = assertThrows(ImageCatalogException.class, () -> RECIPES.resolve(new RecipeRequest(
        KubernetesVersion.parse("1.21.14"), "el7", "amd64", "calico", "none", false, null, UrlMap.none(), List.of(),
        true, List.of(), TEMPLATES)));
    assertTrue(cni.getMessage().contains("--cni flannel"), cni.getMessage());
  }

  @Test
  void kylinAndOpenEulerHaveDefaultsToo() throws Exception {
    for (String os : List.of("kylin-v10", "openeuler22.03", "el8")) {
      BundleRecipe r = recipe("1.23.1", os);
      assertEquals(os, r.os().id());
      assertTrue(r.repos().size() >= 3, r.repos().toString());
    }
  }
}
