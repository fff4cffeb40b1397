package io.kubeferry.lab.node;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.testcontainers.DockerClientFactory;

/**
 * The egress guard on the real Docker host: present and first in DOCKER-USER for every network of a started lab,
 * gone with the lab, stale rules cleaned, and no node without it. Only iptables is asked; no packet is ever sent
 * to an address outside the lab to prove anything.
 */
class LabEgressGuardIT {
  private static final Iptables IPTABLES = Iptables.host();

  @Test
  void everyNetworkOfAStartedLabIsGuardedFirstInDockerUserUntilTheLabIsClosed() throws Exception {
    List<List<String>> rules;
    String subnet;
    try (LabNodes lab = LabNodes.start(2)) {
      rules = lab.egressGuardRules();
      subnet = lab.subnet();
      List<String> networks = LabNodesLifecycleIT.docker("network", "ls", "--filter",
          "label=io.kubeferry.lab.instance=" + lab.instance(), "--format", "{{.Name}}").stdout().lines().toList();
      assertEquals(List.of(lab.network()), networks);
      for (String network : networks) {
        String networkSubnet = LabNodesLifecycleIT.docker("network", "inspect", "-f",
            "{{range .IPAM.Config}}{{.Subnet}}{{end}}", network).stdout().strip();
        assertEquals(subnet, networkSubnet);
        for (List<String> rule : rules) {
          ExecResult check = IPTABLES.run(concat(List.of("-C", "DOCKER-USER"), rule));
          assertEquals(0, check.exitCode(),
              "iptables -C DOCKER-USER " + String.join(" ", rule) + ": " + check.output());
        }
        List<String> listing = EgressGuard.listing(IPTABLES);
        assertTrue(EgressGuard.leadsChain(listing, network), "not first in DOCKER-USER: " + listing);
        // The form the repository's stop hook looks for, for every non-default Docker network.
        String bySubnet = "-s " + networkSubnet + " ";
        assertTrue(listing.stream().anyMatch(l -> l.contains(bySubnet) && l.matches(".* -j (REJECT|DROP)( .*)?")),
            listing.toString());
        // Every rule that comes before the lab's own is a lab guard too: nothing can accept its packets first.
        int firstOwn = indexOfFirst(listing, network);
        assertTrue(listing.subList(0, firstOwn).stream().allMatch(l -> EgressGuard.tagOf(l) != null),
            listing.toString());
      }
      // The bridge named in the rule is the network's.
      String bridge = LabNodesLifecycleIT.docker("network", "inspect", "-f",
          "{{index .Options \"com.docker.network.bridge.name\"}}", lab.network()).stdout().strip();
      assertEquals(rules.get(1).get(1), bridge);
      assertEquals(0, new ProcessBuilder("ip", "link", "show", bridge).start().waitFor(), bridge + " missing");
    }
    for (List<String> rule : rules) {
      assertNotEquals(0, IPTABLES.run(concat(List.of("-C", "DOCKER-USER"), rule)).exitCode(),
          "still there after close: " + rule);
    }
  }

  @Test
  void staleGuardsAreRemovedAndGuardsOfExistingNetworksKept() throws Exception {
    String suffix = Long.toHexString(System.nanoTime());
    String gone = "kubeferry-lab-gone-" + suffix;
    String live = "kubeferry-lab-live-" + suffix;
    assertEquals(0, LabNodesLifecycleIT.docker("network", "create", "--internal", live).exitCode());
    // 198.18.0.0/15 is for benchmarks, never a lab network: these rules only ever reject.
    List<List<String>> goneRules = EgressGuard.rules(gone, "198.18.250.0/24", "kfgone");
    List<List<String>> liveRules = EgressGuard.rules(live, "198.18.251.0/24", "kflive");
    try {
      for (List<String> rule : concat(goneRules, liveRules)) {
        assertEquals(0, IPTABLES.run(concat(List.of("-I", "DOCKER-USER", "1"), rule)).exitCode());
      }
      StaleLabResources.remove(DockerClientFactory.instance().client(), IPTABLES);
      for (List<String> rule : goneRules) {
        assertNotEquals(0, IPTABLES.run(concat(List.of("-C", "DOCKER-USER"), rule)).exitCode(), "kept: " + rule);
      }
      for (List<String> rule : liveRules) {
        assertEquals(0, IPTABLES.run(concat(List.of("-C", "DOCKER-USER"), rule)).exitCode(), "removed: " + rule);
      }
    } finally {
      for (List<String> rule : concat(goneRules, liveRules)) {
        IPTABLES.run(concat(List.of("-D", "DOCKER-USER"), rule));
      }
      LabNodesLifecycleIT.docker("network", "rm", live);
    }
  }

  @Test
  void aLabThatCannotInstallTheGuardStartsNoNodeAndLeavesNothing(@TempDir Path dir) throws Exception {
    Path fake = dir.resolve("iptables");
    Files.writeString(fake, "#!/bin/sh\ncase \"$2\" in -I) echo \"iptables v1.8.9 (nf_tables): Chain 'DOCKER-USER'"
        + " does not exist\" >&2; exit 1;; -S) exit 1;; esac\nexit 1\n");
    Files.setPosixFilePermissions(fake, PosixFilePermissions.fromString("rwxr-xr-x"));
    String mine = "label=io.kubeferry.lab.pid=" + ProcessHandle.current().pid();
    List<String> before = labResources(mine);
    LabNodeException e = assertThrows(LabNodeException.class, () -> LabNodes.start(1, new Iptables(fake.toString())));
    assertTrue(e.getMessage().matches("could not install the egress guard of lab network kubeferry-lab-[0-9a-f]{8}"
        + " \\(.*\\): iptables v1\\.8\\.9 \\(nf_tables\\): Chain 'DOCKER-USER' does not exist;"
        + " no lab node was started"),
        e.getMessage());
    assertFalse(e.getMessage().contains("\n"));
    assertEquals(before, labResources(mine), "containers, networks or volumes left behind");
  }

  private static List<String> labResources(String filter) throws Exception {
    List<String> all = new ArrayList<>();
    all.addAll(LabNodesLifecycleIT.docker("ps", "-a", "--quiet", "--filter", filter).stdout().lines().toList());
    all.addAll(LabNodesLifecycleIT.docker("network", "ls", "--quiet", "--filter", filter).stdout().lines().toList());
    all.addAll(LabNodesLifecycleIT.docker("volume", "ls", "--quiet", "--filter", filter).stdout().lines().toList());
    return all;
  }

  private static int indexOfFirst(List<String> listing, String network) {
    for (int i = 0; i < listing.size(); i++) {
      if (network.equals(EgressGuard.tagOf(listing.get(i)))) {
        return i;
      }
    }
    return -1;
  }

  private static <T> List<T> concat(List<T> a, List<T> b) {
    List<T> all = new ArrayList<>(a);
    all.addAll(b);
    return all;
  }
}
