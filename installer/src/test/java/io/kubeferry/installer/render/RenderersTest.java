package io.kubeferry.installer.render;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.kubeferry.core.KubernetesVersion;
import io.kubeferry.core.bundle.ClusterComponents;
import io.kubeferry.core.template.ManifestImages;
import io.kubeferry.core.template.ImageReference;
import io.kubeferry.installer.inventory.Inventory;
import io.kubeferry.installer.inventory.Role;
import io.kubeferry.installer.inventory.Topology;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** What the golden files do not show: refusals, and the choices only some clusters make. */
class RenderersTest {
  private static ClusterModel cluster(Topology t, String runtime, String version) throws Exception {
    Inventory inv = ExampleCluster.inventory(t, runtime);
    KubernetesVersion v = KubernetesVersion.parse(version);
    return ModelFactory.cluster(inv, new ClusterInputs(v, ExampleCluster.components(v, "haproxy-keepalived"),
        ExampleCluster.REGISTRY, ExampleCluster.SECRETS, ExampleCluster.machines(inv), true));
  }

  private static ClusterModel withCni(ClusterModel c, String cni, String version, String podSubnet) {
    ClusterComponents k = c.components();
    return new ClusterModel(c.version(), new ClusterComponents(k.kubeadmRegistry(), k.pause(), k.etcd(), k.coredns(),
        cni, version, k.loadBalancer()), c.topology(), c.runtime(), c.registry(), c.controlPlaneEndpoint(), podSubnet,
        c.serviceSubnet(), c.controlPlanes(), c.etcdMembers(), c.certSans(), c.loadBalancer(), c.secrets(),
        c.conntrackUnmanaged());
  }

  private static NodeModel node(String name, String address, Role... roles) {
    return new NodeModel(name, address, Set.of(roles), NodeFacts.machine("eth0"));
  }

  @Test
  void everyCniManifestGetsInDatacenterImagesAndItsPodSubnet() throws Exception {
    CniManifestRenderer cni = new CniManifestRenderer(ExampleCluster.MANIFESTS);
    ClusterModel base = cluster(Topology.SINGLE, "containerd", "1.23.17");
    RenderedFile calico = cni.render(withCni(base, "calico", "v3.24.6", "10.244.0.0/16")).orElseThrow();
    assertEquals("/etc/kubernetes/kubeferry/addons/calico-v3.24.6.yaml", calico.hostPath());
    assertEquals(List.of("10.0.0.11:5000/calico/cni:v3.24.6", "10.0.0.11:5000/calico/cni:v3.24.6",
        "10.0.0.11:5000/calico/node:v3.24.6", "10.0.0.11:5000/calico/node:v3.24.6",
        "10.0.0.11:5000/calico/kube-controllers:v3.24.6"), images(calico));
    RenderedFile flannel = cni.render(withCni(base, "flannel", "v0.17.0", "172.16.0.0/16")).orElseThrow();
    assertTrue(flannel.content().contains("\n      \"Network\": \"172.16.0.0/16\",\n"), flannel.content());
    assertEquals("10.0.0.11:5000/rancher/mirrored-flannelcni-flannel-cni-plugin:v1.0.1", images(flannel).get(0));
    RenderedFile weave = cni.render(withCni(base, "weave", "2.8.1", "10.32.0.0/12")).orElseThrow();
    assertEquals(List.of("10.0.0.11:5000/weaveworks/weave-kube:2.8.1", "10.0.0.11:5000/weaveworks/weave-kube:2.8.1",
        "10.0.0.11:5000/weaveworks/weave-npc:2.8.1"), images(weave));
    assertEquals(true, cni.render(withCni(base, "none", "", "10.244.0.0/16")).isEmpty());
  }

  @Test
  void cniRefusals() throws Exception {
    CniManifestRenderer cni = new CniManifestRenderer(ExampleCluster.MANIFESTS);
    ClusterModel old = cluster(Topology.SINGLE, "containerd", "1.21.14");
    assertTrue(assertThrows(RenderException.class, () -> cni.render(withCni(old, "calico", "v3.20.6",
        "10.244.0.0/16"))).getMessage().startsWith("could not select the calico manifest: no upstream manifest"));
    assertEquals("could not use pod subnet 10.244.0.0/16 with manifests/cni/weave/weave-daemonset-k8s-1.11-v2.8.1.yaml:"
        + " this CNI allocates pod addresses from 10.32.0.0/12 (set cluster.podSubnet: 10.32.0.0/12 in the inventory)",
        assertThrows(RenderException.class, () -> cni.render(withCni(old, "weave", "2.8.1", "10.244.0.0/16")))
            .getMessage());
  }

  @Test
  void aControlPlaneThatIsAlsoAWorkerKeepsNoTaint() throws Exception {
    KubeadmConfigRenderer kubeadm = new KubeadmConfigRenderer(ExampleCluster.MANIFESTS);
    ClusterModel c = cluster(Topology.SINGLE, "containerd", "1.31.14");
    String init = kubeadm.render(c, node("cp1", "10.0.0.11", Role.CONTROL_PLANE, Role.WORKER, Role.ETCD)).content();
    assertTrue(init.contains("  taints: []\n  kubeletExtraArgs:\n    - name: node-ip\n      value: \"10.0.0.11\"\n"),
        init);
    assertTrue(!init.contains("certificateKey"), "a single control plane uploads no certificates: " + init);
  }

  @Test
  void kubeadmRefusals() throws Exception {
    KubeadmConfigRenderer kubeadm = new KubeadmConfigRenderer(ExampleCluster.MANIFESTS);
    ClusterModel c = cluster(Topology.HA_EXTERNAL_ETCD, "containerd", "1.28.15");
    assertEquals("could not render the kubeadm configuration for etcd1: it is neither a control plane nor a worker",
        assertThrows(RenderException.class, () -> kubeadm.render(c, node("etcd1", "10.0.0.31", Role.ETCD)))
            .getMessage());
    ClusterModel noHash = new ClusterModel(c.version(), c.components(), c.topology(), c.runtime(), c.registry(),
        c.controlPlaneEndpoint(), c.podSubnet(), c.serviceSubnet(), c.controlPlanes(), c.etcdMembers(), c.certSans(),
        c.loadBalancer(), new ClusterSecrets("abcdef.0123456789abcdef", "0".repeat(64), "", "pw"),
        c.conntrackUnmanaged());
    assertEquals("could not render manifests/kubeadm/v1beta3.yaml.tmpl: line 69: unfilled placeholder 'caCertHash' "
        + "(its value is empty)", assertThrows(RenderException.class,
            () -> kubeadm.render(noHash, node("w1", "10.0.0.21", Role.WORKER))).getMessage());
    assertTrue(kubeadm.render(noHash, node("cp1", "10.0.0.11", Role.CONTROL_PLANE)).content()
        .contains("kind: InitConfiguration"), "init needs no CA hash");
  }

  @Test
  void etcdUnitOnlyForMembers() throws Exception {
    EtcdUnitRenderer etcd = new EtcdUnitRenderer(ExampleCluster.MANIFESTS);
    ClusterModel c = cluster(Topology.HA_EXTERNAL_ETCD, "containerd", "1.28.15");
    assertEquals("could not render the etcd unit for cp1: it is not a member of the external etcd cluster (etcd1, "
        + "etcd2, etcd3)", assertThrows(RenderException.class,
            () -> etcd.render(c, node("cp1", "10.0.0.11", Role.CONTROL_PLANE))).getMessage());
  }

  @Test
  void dockerHasOnlyItsDaemonJsonAndNoLoadBalancerOnWorkers() throws Exception {
    ClusterModel c = cluster(Topology.HA_STACKED, "docker", "1.22.17");
    NodeModel w1 = node("w1", "10.0.0.21", Role.WORKER);
    assertEquals(List.of("/etc/docker/daemon.json"), new ContainerRuntimeRenderer(ExampleCluster.MANIFESTS)
        .render(c, w1).stream().map(RenderedFile::hostPath).toList());
    assertEquals(List.of(), new LoadBalancerRenderer(ExampleCluster.MANIFESTS).render(c, w1, false));
  }

  @Test
  void haproxyAsAnOsServiceDaemonisesAndLogsToSyslog() throws Exception {
    Inventory inv = ExampleCluster.inventory(Topology.HA_STACKED, "containerd");
    KubernetesVersion v = KubernetesVersion.parse("1.23.17");
    ClusterModel c = ModelFactory.cluster(inv, new ClusterInputs(v, ExampleCluster.components(v, "haproxy-keepalived"),
        ExampleCluster.REGISTRY, ExampleCluster.SECRETS, ExampleCluster.machines(inv), false));
    List<RenderedFile> files = new LoadBalancerRenderer(ExampleCluster.MANIFESTS)
        .render(c, node("cp2", "10.0.0.12", Role.CONTROL_PLANE), false);
    assertEquals(List.of("/etc/keepalived/keepalived.conf", "/etc/keepalived/check_apiserver.sh",
        "/etc/haproxy/haproxy.cfg"), files.stream().map(RenderedFile::hostPath).toList());
    assertTrue(files.get(2).content().contains("global\n    log /dev/log local0\n    daemon\n"), files.get(2).content());
    assertEquals("0755", files.get(1).mode());
  }

  private static List<String> images(RenderedFile f) throws Exception {
    return ManifestImages.scan(f.hostPath(), f.content()).stream().map(ImageReference::image).toList();
  }
}
