package io.kubeferry.installer.render;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.kubeferry.core.KubernetesVersion;
import io.kubeferry.installer.inventory.Inventory;
import io.kubeferry.installer.inventory.InventoryParser;
import io.kubeferry.installer.inventory.Topology;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ModelFactoryTest {
  private static ClusterInputs inputs(Inventory inv, String version, String lb) {
    KubernetesVersion v = KubernetesVersion.parse(version);
    return new ClusterInputs(v, ExampleCluster.components(v, lb), ExampleCluster.REGISTRY, ExampleCluster.SECRETS,
        ExampleCluster.machines(inv), true);
  }

  @Test
  void haWithHaproxyUsesTheVipOn8443AndTheVipsLastOctetAsRouterId() throws Exception {
    Inventory inv = ExampleCluster.inventory(Topology.HA_STACKED, "auto");
    ClusterModel c = ModelFactory.cluster(inv, inputs(inv, "1.23.17", "haproxy-keepalived"));
    assertEquals("10.0.0.100:8443", c.controlPlaneEndpoint());
    assertEquals(new LoadBalancerModel("haproxy-keepalived", "10.0.0.100", 100, true), c.loadBalancer());
    assertEquals(ContainerRuntime.DOCKER, c.runtime(), "auto is docker up to 1.23");
    assertEquals(List.of("10.0.0.100", "cp1", "10.0.0.11", "cp2", "10.0.0.12", "cp3", "10.0.0.13"), c.certSans());
    assertEquals(List.of(), c.etcdMembers());
  }

  @Test
  void kubeVipAndTheOperatorsOwnLoadBalancer() throws Exception {
    Inventory inv = ExampleCluster.inventory(Topology.HA_EXTERNAL_ETCD, "containerd");
    assertEquals("10.0.0.100:6443", ModelFactory.cluster(inv, inputs(inv, "1.29.15", "kube-vip")).controlPlaneEndpoint());
    Inventory external = InventoryParser.parse("""
        hosts: [{name: cp1, address: 10.0.0.11, ssh: {key: /k}}, {name: cp2, address: 10.0.0.12, ssh: {key: /k}}]
        roles: {control-plane: [cp1, cp2], etcd: [cp1, cp2], worker: [cp1, cp2]}
        cluster: {externalEndpoint: "lb.example:443"}
        """, "h.yaml", Path.of("/"), Topology.HA_STACKED);
    ClusterModel c = ModelFactory.cluster(external, inputs(external, "1.31.14", "haproxy-keepalived"));
    assertEquals("lb.example:443", c.controlPlaneEndpoint());
    assertEquals("none", c.loadBalancer().kind());
    assertEquals("lb.example", c.certSans().get(0));
  }

  @Test
  void oneHostInAContainerMakesKubeProxyLeaveConntrackAloneEverywhere() throws Exception {
    Inventory inv = ExampleCluster.inventory(Topology.SINGLE, "containerd");
    ClusterInputs machines = inputs(inv, "1.28.15", "none");
    assertEquals(false, ModelFactory.cluster(inv, machines).conntrackUnmanaged());
    ClusterInputs oneContainer = new ClusterInputs(machines.version(), machines.components(), machines.registry(),
        machines.secrets(), Map.of("cp1", NodeFacts.machine("eth0"), "w1", new NodeFacts("eth0", false, true)), true);
    assertEquals(true, ModelFactory.cluster(inv, oneContainer).conntrackUnmanaged());
  }

  @Test
  void refusals() throws Exception {
    Inventory docker = ExampleCluster.inventory(Topology.SINGLE, "docker");
    assertEquals("could not use docker with Kubernetes 1.24.17: the kubelet has no dockershim after 1.23 (set "
        + "cluster.runtime: containerd in the inventory)", assertThrows(RenderException.class,
            () -> ModelFactory.cluster(docker, inputs(docker, "1.24.17", "none"))).getMessage());
    Inventory ha = ExampleCluster.inventory(Topology.HA_STACKED, "containerd");
    assertTrue(assertThrows(RenderException.class, () -> ModelFactory.cluster(ha, inputs(ha, "1.28.15", "none")))
        .getMessage().startsWith("could not use VIP 10.0.0.100: the bundle carries no load balancer"));
    ClusterInputs noFacts = new ClusterInputs(KubernetesVersion.parse("1.28.15"),
        ExampleCluster.components(KubernetesVersion.parse("1.28.15"), "none"), ExampleCluster.REGISTRY,
        ExampleCluster.SECRETS, Map.of("cp1", NodeFacts.machine("eth0")), true);
    Inventory single = ExampleCluster.inventory(Topology.SINGLE, "containerd");
    assertEquals("could not render for host 'w1': no facts were gathered from it",
        assertThrows(RenderException.class, () -> ModelFactory.cluster(single, noFacts)).getMessage());
    assertEquals("could not render for host 'x': it is not in the inventory",
        assertThrows(RenderException.class, () -> ModelFactory.node(single, noFacts, "x")).getMessage());
  }

  @Test
  void routerIdFallsBackWhereTheLastOctetCannotServe() {
    assertEquals(7, ModelFactory.routerId("192.168.1.7"));
    assertEquals(51, ModelFactory.routerId("192.168.1.0"));
    assertEquals(51, ModelFactory.routerId("fd00::10"));
  }

  @Test
  void secretsAreValidatedAndNeverPrinted() {
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> new ClusterSecrets(
        "abcdef.0123456789abcdeX", "0".repeat(64), "", "pw"));
    assertEquals("invalid bootstrap token (expected [a-z0-9]{6}.[a-z0-9]{16})", e.getMessage());
    assertEquals("ClusterSecrets[redacted]", ExampleCluster.SECRETS.toString());
    assertThrows(IllegalArgumentException.class, () -> new ClusterSecrets("abcdef.0123456789abcdef", "0".repeat(64),
        "", "has space"));
  }
}
