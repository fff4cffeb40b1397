package io.kubeferry.installer;

import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The phases the installer offers today, and parsing of {@code --phases}. Later phases (registry, etcd, load
 * balancer, control plane, workers, CNI) are named so the user gets a clear "not yet" instead of "unknown".
 */
public enum InstallPhases {
  VERIFY, PREFLIGHT, PREPARE;

  /** Phases that exist in the design but arrive with the bootstrap issue. */
  public static final List<String> LATER = List.of("registry", "etcd", "load-balancer", "control-plane", "workers",
      "cni");

  /** Every phase offered today, in order, as {@code --phases} spells them. */
  public static String available() {
    return Arrays.stream(values()).map(InstallPhases::key).collect(Collectors.joining(","));
  }

  public String key() {
    return name().toLowerCase(Locale.ROOT);
  }

  /** Parses a comma-separated list; verify is always added (nothing runs on an unverified bundle). */
  public static Set<InstallPhases> parse(String csv) {
    Set<InstallPhases> out = EnumSet.of(VERIFY);
    for (String raw : csv.split(",")) {
      String p = raw.strip().toLowerCase(Locale.ROOT);
      if (p.isEmpty()) {
        continue;
      }
      if (LATER.contains(p)) {
        throw new IllegalArgumentException("phase '" + p + "' is not available yet: the registry, etcd, load"
            + " balancer, control plane, worker and CNI phases arrive with the bootstrap issue; use --phases"
            + " verify,preflight,prepare");
      }
      out.add(Arrays.stream(values()).filter(v -> v.key().equals(p)).findFirst()
          .orElseThrow(() -> new IllegalArgumentException("unknown phase '" + p + "' (available: "
              + Arrays.stream(values()).map(InstallPhases::key).collect(Collectors.joining(",")) + ")")));
    }
    return out;
  }
}
