package io.kubeferry.core.template;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import org.junit.jupiter.api.Test;

class ManifestImagesTest {
  private static List<String> describe(List<ImageReference> refs) {
    return refs.stream().map(r -> r.document() + " " + r.kind() + "/" + r.name() + " " + r.field() + " = "
        + r.ref()).toList();
  }

  @Test
  void calicoEveryImageWithItsPlace() throws Exception {
    List<ImageReference> refs = ManifestImages.scan("calico.yaml", Manifests.read("cni/calico/calico-v3.24.6.yaml"));
    assertEquals(List.of(
        "26 DaemonSet/calico-node spec.template.spec.initContainers[0].image = docker.io/calico/cni:v3.24.6",
        "26 DaemonSet/calico-node spec.template.spec.initContainers[1].image = docker.io/calico/cni:v3.24.6",
        "26 DaemonSet/calico-node spec.template.spec.initContainers[2].image = docker.io/calico/node:v3.24.6",
        "26 DaemonSet/calico-node spec.template.spec.containers[0].image = docker.io/calico/node:v3.24.6",
        "27 Deployment/calico-kube-controllers spec.template.spec.containers[0].image"
            + " = docker.io/calico/kube-controllers:v3.24.6"), describe(refs));
  }

  @Test
  void everyShippedCniManifestScans() throws Exception {
    for (String path : List.of("calico/calico-v3.25.2.yaml", "calico/calico-v3.26.4.yaml",
        "calico/calico-v3.27.4.yaml", "calico/calico-v3.28.2.yaml", "flannel/kube-flannel-v0.24.4.yml")) {
      List<ImageReference> refs = ManifestImages.scan(path, Manifests.read("cni/" + path));
      assertEquals(path.startsWith("calico") ? 5 : 3, refs.size(), path);
    }
  }

  @Test
  void flannelNormalisesDockerHubNamesAndIgnoresCommentedImages() throws Exception {
    List<ImageReference> refs = ManifestImages.scan("f.yml", Manifests.read("cni/flannel/kube-flannel-v0.17.0.yml"));
    assertEquals(List.of(
        "6 DaemonSet/kube-flannel-ds spec.template.spec.initContainers[0].image"
            + " = docker.io/rancher/mirrored-flannelcni-flannel-cni-plugin:v1.0.1",
        "6 DaemonSet/kube-flannel-ds spec.template.spec.initContainers[1].image"
            + " = docker.io/rancher/mirrored-flannelcni-flannel:v0.17.0",
        "6 DaemonSet/kube-flannel-ds spec.template.spec.containers[0].image"
            + " = docker.io/rancher/mirrored-flannelcni-flannel:v0.17.0"), describe(refs));
    assertEquals("rancher/mirrored-flannelcni-flannel:v0.17.0", refs.get(1).image());
  }

  @Test
  void weaveListItemsAndQuotedValues() throws Exception {
    List<ImageReference> refs = ManifestImages.scan("w.yaml",
        Manifests.read("cni/weave/weave-daemonset-k8s-1.11-v2.8.1.yaml"));
    assertEquals(List.of(
        "1 DaemonSet/weave-net items[5].spec.template.spec.initContainers[0].image = docker.io/weaveworks/weave-kube:latest",
        "1 DaemonSet/weave-net items[5].spec.template.spec.containers[0].image = docker.io/weaveworks/weave-kube:latest",
        "1 DaemonSet/weave-net items[5].spec.template.spec.containers[1].image = docker.io/weaveworks/weave-npc:latest"),
        describe(refs));
  }

  @Test
  void kubeVipStaticPod() throws Exception {
    List<ImageReference> refs = ManifestImages.scan("kube-vip.yaml", Manifests.resource("kube-vip-arp-v0.4.1.yaml"));
    assertEquals(List.of("1 Pod/kube-vip spec.containers[0].image = ghcr.io/kube-vip/kube-vip:v0.4.1"), describe(refs));
  }

  @Test
  void everyWorkloadKindAndContainerList() throws Exception {
    String yaml = """
        kind: CronJob
        metadata: {name: c}
        spec: {jobTemplate: {spec: {template: {spec: {containers: [{name: a, image: "busybox:1"}]}}}}}
        ---
        kind: Job
        spec: {template: {spec: {containers: [{image: job:1}]}}}
        ---
        kind: StatefulSet
        metadata: {name: s}
        spec:
          template:
            spec:
              ephemeralContainers: [{image: debug:1}]
              containers: [{image: quay.io/x/y@sha256:0000000000000000000000000000000000000000000000000000000000000000}]
        ---
        kind: ReplicaSet
        spec: {template: {spec: {containers: [{image: rs:1}]}}}
        ---
        kind: ConfigMap
        data: {image: "not: an image"}
        """;
    assertEquals(List.of("1 CronJob/c spec.jobTemplate.spec.template.spec.containers[0].image = docker.io/library/busybox:1",
        "2 Job/ spec.template.spec.containers[0].image = docker.io/library/job:1",
        "3 StatefulSet/s spec.template.spec.ephemeralContainers[0].image = docker.io/library/debug:1",
        "3 StatefulSet/s spec.template.spec.containers[0].image = quay.io/x/y@sha256:"
            + "0000000000000000000000000000000000000000000000000000000000000000",
        "4 ReplicaSet/ spec.template.spec.containers[0].image = docker.io/library/rs:1"),
        describe(ManifestImages.scan("m.yaml", yaml)));
  }

  @Test
  void errorsNameFileDocumentAndField() {
    assertEquals("could not read images of m.yaml: document 2 (Deployment web) "
        + "spec.template.spec.initContainers[1].image: missing or not a string", message("""
        kind: Service
        ---
        kind: Deployment
        metadata: {name: web}
        spec: {template: {spec: {initContainers: [{image: a:1}, {name: x}]}}}
        """));
    assertEquals("could not read images of m.yaml: document 1 (Pod p) spec.containers[0].image: invalid image "
        + "reference 'Calico/Node:1': invalid repository 'Calico/Node' (each path component must be lowercase "
        + "letters, digits and . _ - separators)", message("kind: Pod\nmetadata: {name: p}\nspec: {containers: "
        + "[{image: Calico/Node:1}]}\n"));
    assertEquals("could not read images of m.yaml: document 1 (Pod) spec.containers[0].image: missing or not a string",
        message("kind: Pod\nspec: {containers: [{image: {name: x}}]}\n"));
    assertEquals("could not read images of m.yaml: document 1 (DaemonSet d) spec.template.spec: missing or not a "
        + "mapping", message("kind: DaemonSet\nmetadata: {name: d}\nspec: {template: {}}\n"));
    assertEquals("could not read images of m.yaml: document 1 (Pod) spec.containers: not a list",
        message("kind: Pod\nspec: {containers: {image: a}}\n"));
    assertEquals("could not read images of m.yaml: document 1 (Pod) spec.containers[0].image: empty",
        message("kind: Pod\nspec: {containers: [{image: ''}]}\n"));
  }

  @Test
  void invalidYamlNamesTheDocument() {
    ManifestException e = assertThrows(ManifestException.class,
        () -> ManifestImages.scan("m.yaml", "kind: Service\n---\nkind: [\n"));
    assertEquals("could not read images of m.yaml: not valid YAML at line 4: expected the node content, but found '<stream end>'",
        e.getMessage());
  }

  private static String message(String yaml) {
    return assertThrows(ManifestException.class, () -> ManifestImages.scan("m.yaml", yaml)).getMessage();
  }
}
