package io.kubeferry.installer.preflight;

import io.kubeferry.installer.host.Script;
import io.kubeferry.installer.ssh.RemoteCommand;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The one command that gathers a host's facts ({@code scripts/facts.sh}: read-only, POSIX sh, no tools beyond
 * coreutils and awk), and the parser of its {@code key=value} output. Parsing is pure so tests can feed recorded output.
 */
public final class FactsScript {
  /** Binaries kubeadm and the kubelet need on the PATH. */
  public static final List<String> REQUIRED_BINARIES = List.of("ip", "iptables", "mount", "nsenter", "conntrack");

  static final Script SCRIPT = Script.named("facts");

  private FactsScript() {}

  /** The command: {@code scripts/facts.sh} as root with the required binaries as arguments. */
  public static RemoteCommand command() {
    return SCRIPT.root(REQUIRED_BINARIES).withLabel("gather preflight facts");
  }

  /**
   * Parses the script's output. {@code localMillisMid} is the installer's clock halfway through the command, used
   * to turn the host's reported time into an offset.
   */
  public static HostFacts parse(String output, long localMillisMid) {
    Map<String, String> one = new HashMap<>();
    List<String> macs = new ArrayList<>();
    List<String> missing = new ArrayList<>();
    Set<Integer> ports = new HashSet<>();
    for (String line : output.split("\n")) {
      int eq = line.indexOf('=');
      if (eq <= 0) {
        continue;
      }
      String k = line.substring(0, eq).strip();
      String v = line.substring(eq + 1).strip();
      switch (k) {
        case "mac" -> {
          if (!v.isEmpty() && !v.equals("00:00:00:00:00:00")) {
            macs.add(v);
          }
        }
        case "missing_binary" -> missing.add(v);
        case "listen_hex" -> ports.add(Integer.parseInt(v, 16));
        default -> one.put(k, v);
      }
    }
    long remote = num(one, "time_ms", localMillisMid);
    return new HostFacts(one.getOrDefault("hostname", ""), one.getOrDefault("os_id", "unknown"),
        one.getOrDefault("os_version_id", "unknown"), one.getOrDefault("arch", "unknown"),
        one.getOrDefault("kernel", "unknown"), (int) num(one, "cpus", 0), num(one, "mem_kib", 0),
        num(one, "swap_kib", 0), macs, one.getOrDefault("product_uuid", ""), remote - localMillisMid,
        num(one, "var_free_kib", 0), missing, ports, one.getOrDefault("selinux", "absent"),
        one.getOrDefault("firewalld", "unknown"));
  }

  private static long num(Map<String, String> m, String k, long dflt) {
    try {
      return Long.parseLong(m.getOrDefault(k, ""));
    } catch (NumberFormatException e) {
      return dflt;
    }
  }
}
