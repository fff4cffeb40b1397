package io.kubeferry.installer.preflight;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.kubeferry.installer.inventory.Host;
import io.kubeferry.installer.inventory.Role;
import io.kubeferry.installer.inventory.SshSettings;
import io.kubeferry.installer.source.InstallSource;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

class PreflightChecksTest {
  /** Output of FactsScript on a healthy CentOS 7 control plane. */
  static final String CENTOS7 = """
      os_id=centos
      os_version_id=7
      hostname=%s
      arch=x86_64
      kernel=3.10.0-1160.el7.x86_64
      cpus=2
      mem_kib=3880000
      swap_kib=0
      mac=52:54:00:12:34:%s
      product_uuid=4C4C4544-0000-%s
      var_free_kib=41000000
      missing_binary=conntrack
      listen_hex=0016
      listen_hex=0019
      selinux=enforcing
      firewalld=active
      time_ms=1700000000500
      """;

  static final InstallSource SOURCE = io.kubeferry.installer.source.TestSources.el7(Path.of("/b"),
      Path.of("/b/key.asc"), java.util.Map.of());

  static Host host(String name, Role... roles) {
    return new Host(name, "10.0.0." + name.length(), new SshSettings("root", 22, Path.of("/k")), false,
        Set.of(roles));
  }

  static HostFacts facts(String name, String suffix) {
    return FactsScript.parse(CENTOS7.formatted(name, suffix, suffix), 1700000000000L);
  }

  @Test
  void parsesTheFactsDocument() {
    HostFacts f = facts("cp1", "01");
    assertEquals("centos", f.osId());
    assertEquals(2, f.cpus());
    assertEquals(3789, f.memoryMib());
    assertEquals(List.of("52:54:00:12:34:01"), f.macs());
    assertEquals(Set.of(22, 25), f.listeningPorts(), "hex ports from /proc/net/tcp are decoded");
    assertEquals(500, f.clockOffsetMillis());
    assertEquals(List.of("conntrack"), f.missingBinaries());
  }

  @Test
  void aHealthyHostPassesAndConntrackComesFromTheBundle() {
    List<Finding> findings = PreflightChecks.forHost(host("cp1", Role.CONTROL_PLANE, Role.ETCD), facts("cp1", "01"),
        SOURCE);
    assertEquals(List.of(), findings);
  }

  @Test
  void oneReportCatchesBusyPortSwapDuplicateHostnameAndLowMemory() {
    Host cp1 = host("cp1", Role.CONTROL_PLANE, Role.ETCD);
    Host cp22 = host("cp22", Role.CONTROL_PLANE);
    Host w1 = host("w1", Role.WORKER);
    Map<Host, HostFacts> facts = new LinkedHashMap<>();
    facts.put(cp1, facts("cp1", "01").withListeningPorts(Set.of(22, 6443)));
    facts.put(cp22, facts("cp22", "02").withSwapKib(2 * 1024 * 1024).withMemoryKib(1024 * 1024));
    facts.put(w1, facts("w1", "03").withHostname("cp1"));
    List<Finding> all = new ArrayList<>();
    facts.forEach((h, f) -> all.addAll(PreflightChecks.forHost(h, f, SOURCE)));
    all.addAll(PreflightChecks.acrossHosts(facts));
    PreflightReport report = new PreflightReport(all, Set.of());

    assertFalse(report.passed());
    String table = report.table();
    assertTrue(table.matches("(?s).*cp1\\s+ports\\s+error\\s+port\\(s\\) \\[6443\\] already in use.*"), table);
    assertTrue(table.matches("(?s).*cp22\\s+swap\\s+error\\s+swap is on \\(2048 MB\\).*"), table);
    assertTrue(table.matches("(?s).*cp22\\s+memory\\s+error\\s+1024 MB of memory; a control plane needs at least"
        + " 1700 MB.*"), table);
    assertTrue(table.matches("(?s).*w1\\s+duplicate-hostname\\s+error\\s+hostname 'cp1' is shared by cp1, w1.*"),
        table);
    assertEquals(Set.of("ports", "swap", "memory", "duplicate-hostname", "hostname"),
        Set.copyOf(report.findings().stream().map(Finding::check).toList()));

    PreflightReport ignoring = new PreflightReport(all, Set.of("swap", "ports", "memory", "duplicate-hostname"));
    assertTrue(ignoring.passed(), ignoring.table());
    assertTrue(ignoring.table().matches("(?s).*cp22\\s+swap\\s+ignored.*"), ignoring.table());
  }

  @Test
  void osArchClockSkewAndMissingBinariesAreReported() {
    Host w = host("w1", Role.WORKER);
    Host w2 = host("w2", Role.WORKER);
    HostFacts debian = FactsScript.parse(CENTOS7.formatted("w1", "05", "05").replace("os_id=centos", "os_id=debian")
        .replace("os_version_id=7", "os_version_id=12").replace("arch=x86_64", "arch=aarch64")
        + "missing_binary=nsenter\n", 1700000000000L);
    List<String> checks = PreflightChecks.forHost(w, debian, SOURCE).stream().map(Finding::check).toList();
    assertEquals(List.of("os", "arch", "binaries"), checks);
    Map<Host, HostFacts> facts = new LinkedHashMap<>();
    facts.put(w, facts("w1", "06"));
    facts.put(w2, facts("w2", "07").withClockOffsetMillis(9000));
    List<Finding> skew = PreflightChecks.acrossHosts(facts);
    assertEquals(2, skew.size());
    assertTrue(skew.get(0).message().startsWith("clocks differ by 8500 ms across hosts"), skew.get(0).message());
  }
}
