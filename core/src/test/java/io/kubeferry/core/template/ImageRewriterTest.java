package io.kubeferry.core.template;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

class ImageRewriterTest {
  private static final ImageMapping TO_REGISTRY = ref -> "10.0.0.5:5000/" + ref.ref().repository() + ":"
      + ref.ref().tag();

  @Test
  void calicoChangesOnlyTheImageValues() throws Exception {
    String before = Manifests.read("cni/calico/calico-v3.28.2.yaml");
    String after = ImageRewriter.rewrite("calico.yaml", before, TO_REGISTRY);
    assertEquals(List.of(
        "          image: 10.0.0.5:5000/calico/cni:v3.28.2",
        "          image: 10.0.0.5:5000/calico/cni:v3.28.2",
        "          image: 10.0.0.5:5000/calico/node:v3.28.2",
        "          image: 10.0.0.5:5000/calico/node:v3.28.2",
        "          image: 10.0.0.5:5000/calico/kube-controllers:v3.28.2"), Manifests.changedLines(before, after));
    String back = ImageRewriter.rewrite("calico.yaml", after, ref -> "docker.io/" + ref.ref().repository() + ":"
        + ref.ref().tag());
    assertEquals(before, back);
  }

  @Test
  void flannelKeepsItsCommentedImages() throws Exception {
    String before = Manifests.read("cni/flannel/kube-flannel-v0.17.0.yml");
    String after = ImageRewriter.rewrite("flannel.yml", before, TO_REGISTRY);
    assertEquals(List.of(
        "        image: 10.0.0.5:5000/rancher/mirrored-flannelcni-flannel-cni-plugin:v1.0.1",
        "        image: 10.0.0.5:5000/rancher/mirrored-flannelcni-flannel:v0.17.0",
        "        image: 10.0.0.5:5000/rancher/mirrored-flannelcni-flannel:v0.17.0"), Manifests.changedLines(before, after));
    assertTrue(after.contains("       #image: flannelcni/flannel:v0.17.0 for ppc64le"), after);
  }

  @Test
  void weaveKeepsSingleQuotes() throws Exception {
    String before = Manifests.read("cni/weave/weave-daemonset-k8s-1.11-v2.8.1.yaml");
    String after = ImageRewriter.rewrite("weave.yaml", before, ref -> "10.0.0.5:5000/" + ref.ref().repository()
        + ":2.8.1");
    assertEquals(List.of(
        "              image: '10.0.0.5:5000/weaveworks/weave-kube:2.8.1'",
        "              image: '10.0.0.5:5000/weaveworks/weave-kube:2.8.1'",
        "              image: '10.0.0.5:5000/weaveworks/weave-npc:2.8.1'"), Manifests.changedLines(before, after));
  }

  @Test
  void kubeVipAndDoubleQuotes() throws Exception {
    String before = Manifests.resource("kube-vip-arp-v0.4.1.yaml");
    assertEquals(List.of("    image: 10.0.0.5:5000/kube-vip/kube-vip:v0.4.1"),
        Manifests.changedLines(before, ImageRewriter.rewrite("kube-vip.yaml", before, TO_REGISTRY)));
    assertEquals("kind: Pod\nspec: {containers: [{image: \"r/a:1\"}]}\n",
        ImageRewriter.rewrite("p", "kind: Pod\nspec: {containers: [{image: \"a:1\"}]}\n", ref -> "r/a:1"));
  }

  @Test
  void containersBeforeInitContainersAnchorsTagsAndAliases() throws Exception {
    String yaml = "kind: Pod\nspec:\n  containers: [{image: &i a:1}]\n  initContainers: [{image: *i}, {image: !!str b:1}]\n";
    assertEquals("kind: Pod\nspec:\n  containers: [{image: &i r/a:1}]\n  initContainers: [{image: *i}, {image: !!str r/b:1}]\n",
        ImageRewriter.rewrite("p", yaml, ref -> "r/" + ref.image()));
  }

  @Test
  void refusesValuesItCannotReplaceInPlace() {
    ManifestException escaped = assertThrows(ManifestException.class, () -> ImageRewriter.rewrite("p",
        "kind: Pod\nspec: {containers: [{image: \"a\\x3a1\"}]}\n", TO_REGISTRY));
    assertEquals("could not rewrite the image of p document 1 (Pod) spec.containers[0].image: written as "
        + "DOUBLE_QUOTED with escapes or line breaks, cannot be replaced in place", escaped.getMessage());
    ManifestException folded = assertThrows(ManifestException.class, () -> ImageRewriter.rewrite("p",
        "kind: Pod\nspec:\n  containers:\n  - image: >-\n      a:1\n", TO_REGISTRY));
    assertTrue(folded.getMessage().contains("FOLDED"), folded.getMessage());
  }

  @Test
  void refusesANewValueThatIsNotAPlainReference() {
    String pod = "kind: Pod\nmetadata: {name: p}\nspec: {containers: [{image: a:1}]}\n";
    ManifestException e = assertThrows(ManifestException.class,
        () -> ImageRewriter.rewrite("p", pod, ref -> "a:1\n  evil: x"));
    assertEquals("could not rewrite the image of p document 1 (Pod p) spec.containers[0].image: the new value "
        + "'a:1\n  evil: x' is not a plain image reference", e.getMessage());
    assertThrows(ManifestException.class, () -> ImageRewriter.rewrite("p", pod, ref -> "UPPER/case:1"));
  }

  @Test
  void theMappingMayRefuse() {
    ManifestException refused = new ManifestException("p", 1, "spec.containers[0].image", "not in the bundle");
    assertEquals(refused, assertThrows(ManifestException.class, () -> ImageRewriter.rewrite("p",
        "kind: Pod\nspec: {containers: [{image: a:1}]}\n", ref -> {
          throw refused;
        })));
  }
}
