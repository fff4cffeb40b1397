package io.kubeferry.lab.node;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class EgressGuardTest {
  private static final String A = "-A DOCKER-USER -s 172.30.7.0/24 ! -d 172.30.7.0/24 -m comment --comment"
      + " \"kubeferry-lab-guard:kubeferry-lab-0000000a\" -j REJECT --reject-with icmp-admin-prohibited";
  private static final String A_BRIDGE = "-A DOCKER-USER -i kflab-0000000a ! -o kflab-0000000a -m comment --comment"
      + " \"kubeferry-lab-guard:kubeferry-lab-0000000a\" -j REJECT --reject-with icmp-admin-prohibited";
  private static final String B = "-A DOCKER-USER -s 172.30.8.0/24 ! -d 172.30.8.0/24 -m comment --comment"
      + " \"kubeferry-lab-guard:kubeferry-lab-0000000b\" -j REJECT --reject-with icmp-admin-prohibited";
  private static final String RETURN = "-A DOCKER-USER -j RETURN";

  @Test
  void rulesRejectBySourceSubnetAndByBridgeAsTheStopHookExpects() {
    List<List<String>> rules = EgressGuard.rules("kubeferry-lab-0000000a", "172.30.7.0/24", "kflab-0000000a");
    assertEquals(List.of("-s", "172.30.7.0/24", "!", "-d", "172.30.7.0/24", "-m", "comment", "--comment",
        "kubeferry-lab-guard:kubeferry-lab-0000000a", "-j", "REJECT", "--reject-with", "icmp-admin-prohibited"),
        rules.get(0));
    assertEquals(List.of("-i", "kflab-0000000a", "!", "-o", "kflab-0000000a"), rules.get(1).subList(0, 5));
    // What `iptables -S DOCKER-USER` prints for them must match "-s <subnet> ... -j (REJECT|DROP)".
    assertTrue(A.matches(".*-s 172\\.30\\.7\\.0/24 .*-j (REJECT|DROP).*"));
  }

  @Test
  void listingLinesSplitLikeAShellWouldAndNameTheirNetwork() {
    List<String> tokens = EgressGuard.tokens(A);
    assertEquals("kubeferry-lab-guard:kubeferry-lab-0000000a", tokens.get(tokens.indexOf("--comment") + 1));
    assertEquals(List.of("-A", "X", "-m", "comment", "--comment", "a \"b\" c", "-j", "DROP"),
        EgressGuard.tokens("-A X -m comment --comment \"a \\\"b\\\" c\" -j DROP"));
    assertEquals("kubeferry-lab-0000000a", EgressGuard.tagOf(A_BRIDGE));
    assertNull(EgressGuard.tagOf(RETURN));
    assertNull(EgressGuard.tagOf("-A DOCKER-USER -m comment --comment \"someone else\" -j ACCEPT"));
  }

  @Test
  void aGuardLeadsTheChainOnlyWhenNoOtherRuleComesBeforeAnyOfItsRules() {
    assertTrue(EgressGuard.leadsChain(List.of(A, A_BRIDGE, RETURN), "kubeferry-lab-0000000a"));
    assertTrue(EgressGuard.leadsChain(List.of(B, A, A_BRIDGE, RETURN), "kubeferry-lab-0000000a"), "labs share the top");
    assertFalse(EgressGuard.leadsChain(List.of(A, RETURN, A_BRIDGE), "kubeferry-lab-0000000a"));
    assertFalse(EgressGuard.leadsChain(List.of(RETURN, A, A_BRIDGE), "kubeferry-lab-0000000a"));
    assertFalse(EgressGuard.leadsChain(List.of(B, RETURN), "kubeferry-lab-0000000a"), "absent");
    assertFalse(EgressGuard.leadsChain(List.of(), "kubeferry-lab-0000000a"));
  }

  @Test
  void anIptablesThatFailsGivesAOneLineErrorAndLeavesNoRule(@TempDir Path dir) throws Exception {
    Path log = dir.resolve("calls");
    Path fake = fakeIptables(dir, log, "echo \"iptables v1.8.9 (nf_tables): Chain 'DOCKER-USER' does not exist\" >&2;"
        + " echo \"Try 'iptables -h' for more information.\" >&2; exit 1");
    LabNodeException e = assertThrows(LabNodeException.class, () -> EgressGuard.install(new Iptables(fake.toString()),
        "kubeferry-lab-0000000a", "172.30.7.0/24", "kflab-0000000a"));
    assertEquals("could not install the egress guard of lab network kubeferry-lab-0000000a (" + fake + " -w -I"
        + " DOCKER-USER 1 -i kflab-0000000a ! -o kflab-0000000a -m comment --comment"
        + " kubeferry-lab-guard:kubeferry-lab-0000000a -j REJECT --reject-with icmp-admin-prohibited):"
        + " iptables v1.8.9 (nf_tables): Chain 'DOCKER-USER' does not exist; no lab node was started", e.getMessage());
    List<String> calls = Files.readAllLines(log);
    assertTrue(calls.get(0).startsWith("-w -I DOCKER-USER 1 "), calls.toString());
    assertTrue(calls.stream().skip(1).allMatch(c -> c.startsWith("-w -D DOCKER-USER ")), "then only deletes: " + calls);
  }

  @Test
  void aGuardThatDoesNotLeadTheChainIsRefusedAndRemoved(@TempDir Path dir) throws Exception {
    Path log = dir.resolve("calls");
    // Accepts every change but lists a RETURN before the guard, as if someone else had inserted above it.
    Path fake = fakeIptables(dir, log, "case \"$2\" in -S) echo '-N DOCKER-USER'; echo '" + RETURN + "';"
        + " echo '" + A + "';; -D) exit 1;; esac; exit 0");
    LabNodeException e = assertThrows(LabNodeException.class, () -> EgressGuard.install(new Iptables(fake.toString()),
        "kubeferry-lab-0000000a", "172.30.7.0/24", "kflab-0000000a"));
    assertTrue(e.getMessage().startsWith("could not install the egress guard of lab network kubeferry-lab-0000000a:"
        + " its rules are not first in DOCKER-USER (" + RETURN + " | "), e.getMessage());
    assertFalse(e.getMessage().contains("\n"));
    assertEquals(2, Files.readAllLines(log).stream().filter(c -> c.startsWith("-w -D ")).count());
  }

  private static Path fakeIptables(Path dir, Path log, String body) throws Exception {
    Path fake = dir.resolve("iptables");
    Files.writeString(fake, "#!/bin/sh\necho \"$*\" >> '" + log + "'\n" + body + "\n");
    Files.setPosixFilePermissions(fake, PosixFilePermissions.fromString("rwxr-xr-x"));
    return fake;
  }
}
