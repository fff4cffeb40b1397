package io.kubeferry.installer.inventory;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

class InventoryParserTest {
  private static final Path BASE = Path.of("/inv");

  private static final String HA_EXTERNAL = """
      apiVersion: kubeferry.io/v1alpha1
      kind: Inventory
      defaults:
        ssh: {user: kube, key: keys/id_ed25519}
      hosts:
        - {name: etcd1, address: 10.0.0.1}
        - {name: etcd2, address: 10.0.0.2}
        - {name: etcd3, address: 10.0.0.3}
        - {name: cp1, address: 10.0.0.11, ssh: {user: root, port: 2222, key: /k/root}}
        - {name: cp2, address: 10.0.0.12}
        - {name: w1, address: 10.0.0.21}
      roles:
        etcd: [etcd1, etcd2, etcd3]
        control-plane: [cp1, cp2]
        worker: [w1]
      cluster:
        vip: 10.0.0.100
        runtime: containerd
        firewalld: open-ports
      """;

  private static Inventory parse(String yaml, Topology t) throws InventoryException {
    return InventoryParser.parse(yaml, "hosts.yaml", BASE, t);
  }

  private static List<String> problems(String yaml, Topology t) {
    return assertThrows(InventoryException.class, () -> parse(yaml, t)).problems();
  }

  @Test
  void validHaExternalEtcdInventory() throws Exception {
    Inventory inv = parse(HA_EXTERNAL, Topology.HA_EXTERNAL_ETCD);
    assertEquals(6, inv.hosts().size());
    Host cp1 = inv.host("cp1").orElseThrow();
    assertEquals(new SshSettings("root", 2222, Path.of("/k/root")), cp1.ssh());
    assertFalse(cp1.sudo(), "root needs no sudo");
    Host etcd1 = inv.host("etcd1").orElseThrow();
    assertTrue(etcd1.sudo(), "a non-root user defaults to sudo");
    assertEquals(Path.of("/inv/keys/id_ed25519"), etcd1.ssh().key(), "relative keys resolve against the file");
    assertEquals("cp1", inv.registry().name(), "registry defaults to the first control plane");
    assertEquals(ClusterSettings.Runtime.CONTAINERD, inv.cluster().runtime());
    assertEquals(ClusterSettings.Firewalld.OPEN_PORTS, inv.cluster().firewalld());
    assertEquals("10.244.0.0/16", inv.cluster().podSubnet());
  }

  @Test
  void reportsEveryProblemAtOnce() {
    String yaml = """
        hosts:
          - {name: cp1, address: 10.0.0.1, ssh: {user: root, prot: 22, key: /k}}
          - {name: cp1, address: 10.0.0.2, ssh: {key: /k}}
          - {name: cp2, address: 10.0.0.1, ssh: {key: /k, port: 70000}}
          - {name: e1, address: 10.0.0.5, ssh: {agent: true}}
        roles:
          etcd: [e1]
          control-plane: [cp1, cp2]
          workers: [cp2]
        cluster:
          podSubnet: 10.96.0.0/16
          runtime: cri-o
        """;
    List<String> p = problems(yaml, Topology.HA_EXTERNAL_ETCD);
    assertContains(p, "hosts[0].ssh.prot: unknown key (did you mean 'port'?)");
    assertContains(p, "hosts[1].name: duplicate hostname 'cp1' (also hosts[0])");
    assertContains(p, "hosts[2].ssh.port: 70000 is out of range");
    assertContains(p, "hosts[3].ssh.agent: ssh-agent authentication is not supported yet");
    assertContains(p, "roles.workers: unknown key (did you mean 'worker'?)");
    assertContains(p, "cluster.serviceSubnet: 10.96.0.0/12 overlaps podSubnet 10.96.0.0/16");
    assertContains(p, "cluster.runtime: unknown value 'cri-o' (expected one of auto, docker, containerd)");
    assertContains(p, "roles.etcd: topology ha-external-etcd needs an odd number of etcd hosts, at least 3, found 1");
    assertContains(p, "cluster.vip: topology ha-external-etcd needs cluster.vip");
    assertTrue(p.size() >= 9, "all problems in one report: " + p);
  }

  @Test
  void duplicateAddressesAndEvenEtcd() {
    String yaml = HA_EXTERNAL.replace("{name: etcd3, address: 10.0.0.3}", "{name: etcd3, address: 10.0.0.2}")
        .replace("etcd: [etcd1, etcd2, etcd3]", "etcd: [etcd1, etcd2]");
    List<String> p = problems(yaml, Topology.HA_EXTERNAL_ETCD);
    assertContains(p, "hosts[2].address: duplicate address 10.0.0.2:22 (also hosts[1])");
    assertContains(p, "found 2");
    assertContains(p, "hosts[2]: host 'etcd3' has no role");
  }

  @Test
  void haNeedsTwoControlPlanesAndVipOrEndpoint() throws Exception {
    String one = HA_EXTERNAL.replace("control-plane: [cp1, cp2]", "control-plane: [cp1]\n  worker: [cp2]")
        .replace("  worker: [w1]\n", "");
    List<String> p = problems(one.replace("worker: [cp2]", "worker: [cp2, w1]"), Topology.HA_EXTERNAL_ETCD);
    assertContains(p, "needs at least 2 (normally 3) control planes, found 1");
    String external = HA_EXTERNAL.replace("vip: 10.0.0.100", "externalEndpoint: lb.example.com:6443");
    assertEquals("lb.example.com:6443",
        parse(external, Topology.HA_EXTERNAL_ETCD).cluster().externalEndpoint().orElseThrow());
    String both = HA_EXTERNAL.replace("vip: 10.0.0.100", "vip: 10.0.0.100\n  externalEndpoint: lb:6443");
    assertContains(problems(both, Topology.HA_EXTERNAL_ETCD), "either cluster.vip or cluster.externalEndpoint");
  }

  @Test
  void singleTopologyNeedsNoVip() throws Exception {
    String yaml = """
        hosts: [{name: node1, address: 192.168.1.5, ssh: {key: /k}}]
        roles: {control-plane: [node1], worker: [node1]}
        """;
    Inventory inv = parse(yaml, Topology.SINGLE);
    assertEquals("node1", inv.registry().name());
    assertContains(problems(yaml, Topology.HA_STACKED), "cluster.vip: topology ha-stacked needs");
  }

  @Test
  void duplicateYamlKeysAndBadYamlAreOneClearLine() {
    String dup = "hosts: []\nhosts: []\n";
    InventoryException e = assertThrows(InventoryException.class, () -> parse(dup, Topology.SINGLE));
    assertTrue(e.getMessage().startsWith("could not load inventory hosts.yaml: 1 problem"), e.getMessage());
    assertContains(e.problems(), "not valid YAML");
    assertContains(e.problems(), "found duplicate key hosts");
  }

  @Test
  void unknownHostInRoleGetsHint() {
    String yaml = """
        hosts: [{name: master1, address: 1.2.3.4, ssh: {key: /k}}]
        roles: {control-plane: [mastr1]}
        """;
    List<String> p = problems(yaml, Topology.SINGLE);
    assertContains(p, "roles.control-plane[0]: 'mastr1' is not a host in hosts (did you mean 'master1'?)");
  }

  @Test
  void yaml11BooleansAreNotSilentlyConverted() {
    // CoreSchema: "no" stays a string, so a host named "no" is not turned into false.
    String yaml = """
        hosts: [{name: cp1, address: 1.2.3.4, sudo: no, ssh: {key: /k, user: kube}}]
        roles: {control-plane: [cp1]}
        """;
    assertContains(problems(yaml, Topology.SINGLE), "hosts[0].sudo: expected true or false, found 'no'");
  }

  private static void assertContains(List<String> problems, String fragment) {
    assertTrue(problems.stream().anyMatch(p -> p.contains(fragment)),
        "expected a problem containing [" + fragment + "] in:\n" + String.join("\n", problems));
  }
}
