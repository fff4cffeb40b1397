package io.kubeferry.installer.preflight;

import io.kubeferry.installer.inventory.Host;
import io.kubeferry.installer.inventory.Role;
import io.kubeferry.installer.preflight.Finding.Severity;
import io.kubeferry.installer.source.InstallSource;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Function;

/**
 * The preflight checks as pure functions of gathered facts: per host (OS, arch, kernel, CPU, memory, swap, ports,
 * disk, binaries, hostname) and across hosts (unique hostname, MAC, product_uuid; clock skew). Check ids are what
 * {@code --ignore-preflight} takes. Stateless.
 */
public final class PreflightChecks {
  /** Every check id, for validating {@code --ignore-preflight}. */
  public static final Set<String> IDS = Set.of("os", "arch", "kernel", "cpu", "memory", "swap", "ports", "disk",
      "binaries", "hostname", "duplicate-hostname", "duplicate-mac", "duplicate-product-uuid", "clock-skew");

  static final int CONTROL_PLANE_CPUS = 2;
  static final long CONTROL_PLANE_MIB = 1700;
  static final long MIN_VAR_FREE_KIB = 2L * 1024 * 1024;
  static final long CLOCK_SKEW_MILLIS = 2000;
  /** Binaries a bundle package brings, so their absence before prepare is not an error. */
  private static final Map<String, String> BINARY_PACKAGE = Map.of("conntrack", "conntrack-tools",
      "iptables", "iptables", "ip", "iproute");

  private PreflightChecks() {}

  /** The ports a host's roles need free, kept sorted for stable messages. */
  public static Set<Integer> requiredPorts(Host h) {
    Set<Integer> p = new TreeSet<>();
    if (h.has(Role.CONTROL_PLANE)) {
      p.addAll(List.of(6443, 10250, 10257, 10259));
    }
    if (h.has(Role.ETCD)) {
      p.addAll(List.of(2379, 2380));
    }
    if (h.has(Role.WORKER)) {
      p.add(10250);
    }
    return p;
  }

  /** Everything wrong with one host. */
  public static List<Finding> forHost(Host h, HostFacts f, InstallSource src) {
    List<Finding> out = new ArrayList<>();
    String host = h.name();
    if (!OsProfiles.matches(src.osProfile(), f.osId(), f.osVersionId())) {
      out.add(new Finding(host, "os", Severity.ERROR, "OS is " + f.osId() + " " + f.osVersionId()
          + " but the bundle's packages are for " + src.osProfile() + " (build a bundle for this OS)"));
    }
    if (!f.arch().equals(src.arch())) {
      out.add(new Finding(host, "arch", Severity.ERROR, "architecture is " + f.arch() + " but the bundle is for "
          + src.arch()));
    }
    if (kernelBelow(f.kernel(), 3, 10)) {
      out.add(new Finding(host, "kernel", Severity.ERROR, "kernel " + f.kernel() + " is older than 3.10"));
    }
    boolean cp = h.has(Role.CONTROL_PLANE);
    if (cp && f.cpus() < CONTROL_PLANE_CPUS) {
      out.add(new Finding(host, "cpu", Severity.ERROR, f.cpus() + " CPU(s); a control plane needs at least "
          + CONTROL_PLANE_CPUS));
    }
    if (cp && f.memoryMib() < CONTROL_PLANE_MIB) {
      out.add(new Finding(host, "memory", Severity.ERROR, f.memoryMib() + " MB of memory; a control plane needs at"
          + " least " + CONTROL_PLANE_MIB + " MB"));
    }
    if (f.swapKib() > 0) {
      out.add(new Finding(host, "swap", Severity.ERROR, "swap is on (" + f.swapKib() / 1024 + " MB); the kubelet"
          + " refuses to run with swap: run swapoff -a, or pass --ignore-preflight swap and the prepare phase turns"
          + " it off and removes it from /etc/fstab"));
    }
    Set<Integer> busy = new TreeSet<>(requiredPorts(h));
    busy.retainAll(f.listeningPorts());
    if (!busy.isEmpty()) {
      out.add(new Finding(host, "ports", Severity.ERROR, "port(s) " + busy + " already in use; the "
          + String.join("/", h.roles().stream().map(Role::key).sorted().toList()) + " role needs them free"));
    }
    if (f.varFreeKib() < MIN_VAR_FREE_KIB) {
      out.add(new Finding(host, "disk", Severity.ERROR, "only " + f.varFreeKib() / 1024 + " MB free on /var;"
          + " need at least " + MIN_VAR_FREE_KIB / 1024 + " MB"));
    }
    for (String b : f.missingBinaries()) {
      String pkg = BINARY_PACKAGE.get(b);
      if (pkg != null && src.provides(pkg)) {
        continue; // the prepare phase installs it from the bundle
      }
      out.add(new Finding(host, "binaries", Severity.ERROR, "required binary '" + b + "' is not installed"
          + (pkg != null ? " and the bundle has no " + pkg + " package" : "")));
    }
    if (!f.hostname().equals(h.name())) {
      out.add(new Finding(host, "hostname", Severity.WARNING, "the host calls itself '" + f.hostname()
          + "'; the node will register under that name, not '" + h.name() + "'"));
    }
    return out;
  }

  /** Problems only visible across hosts: duplicate identities and clock skew. */
  public static List<Finding> acrossHosts(Map<Host, HostFacts> facts) {
    List<Finding> out = new ArrayList<>();
    duplicates(facts, f -> List.of(f.hostname()), "duplicate-hostname", "hostname", out);
    duplicates(facts, HostFacts::macs, "duplicate-mac", "MAC address", out);
    duplicates(facts, f -> f.productUuid().isEmpty() ? List.of() : List.of(f.productUuid()),
        "duplicate-product-uuid", "product_uuid", out);
    if (facts.size() > 1) {
      long min = facts.values().stream().mapToLong(HostFacts::clockOffsetMillis).min().orElse(0);
      long max = facts.values().stream().mapToLong(HostFacts::clockOffsetMillis).max().orElse(0);
      if (max - min > CLOCK_SKEW_MILLIS) {
        facts.forEach((h, f) -> {
          if (f.clockOffsetMillis() == max || f.clockOffsetMillis() == min) {
            out.add(new Finding(h.name(), "clock-skew", Severity.ERROR, "clocks differ by " + (max - min)
                + " ms across hosts (this host is " + f.clockOffsetMillis() + " ms from this machine); etcd and"
                + " certificates need them within " + CLOCK_SKEW_MILLIS + " ms: sync time (chrony/ntpd)"));
          }
        });
      }
    }
    return out;
  }

  private static void duplicates(Map<Host, HostFacts> facts, Function<HostFacts, List<String>> key, String id,
      String what, List<Finding> out) {
    Map<String, List<String>> owners = new LinkedHashMap<>();
    facts.forEach((h, f) -> key.apply(f).forEach(v -> owners.computeIfAbsent(v, x -> new ArrayList<>())
        .add(h.name())));
    owners.forEach((value, hosts) -> {
      if (hosts.size() > 1) {
        for (String h : hosts) {
          out.add(new Finding(h, id, Severity.ERROR, what + " '" + value + "' is shared by " + String.join(", ",
              hosts) + "; every node needs its own"));
        }
      }
    });
  }

  private static boolean kernelBelow(String kernel, int major, int minor) {
    String[] p = kernel.split("[.-]");
    try {
      int a = Integer.parseInt(p[0]);
      int b = p.length > 1 ? Integer.parseInt(p[1]) : 0;
      return a < major || (a == major && b < minor);
    } catch (NumberFormatException e) {
      return false;
    }
  }
}
