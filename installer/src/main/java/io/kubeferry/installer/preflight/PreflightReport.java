package io.kubeferry.installer.preflight;

import java.util.Comparator;
import java.util.List;
import java.util.Set;

/**
 * All findings of one preflight, for every host, and which check ids the user chose to ignore. Blocking findings
 * are errors whose check is not ignored ({@code all} ignores every check).
 */
public record PreflightReport(List<Finding> findings, Set<String> ignored) {
  public PreflightReport {
    findings = findings.stream()
        .sorted(Comparator.comparing(Finding::host).thenComparing(Finding::check)).toList();
    ignored = Set.copyOf(ignored);
  }

  public boolean isIgnored(Finding f) {
    return ignored.contains("all") || ignored.contains(f.check());
  }

  public List<Finding> blocking() {
    return findings.stream().filter(f -> f.severity() == Finding.Severity.ERROR && !isIgnored(f)).toList();
  }

  public boolean passed() {
    return blocking().isEmpty();
  }

  /** One table: host, check, level (error / warning / ignored), message. */
  public String table() {
    if (findings.isEmpty()) {
      return "preflight: every check passed on every host\n";
    }
    int hw = Math.max(4, findings.stream().mapToInt(f -> f.host().length()).max().orElse(0));
    int cw = Math.max(5, findings.stream().mapToInt(f -> f.check().length()).max().orElse(0));
    String fmt = "%-" + hw + "s  %-" + cw + "s  %-7s  %s%n";
    StringBuilder sb = new StringBuilder(String.format(fmt, "HOST", "CHECK", "LEVEL", "MESSAGE"));
    for (Finding f : findings) {
      String level = f.severity() == Finding.Severity.WARNING ? "warning" : isIgnored(f) ? "ignored" : "error";
      sb.append(String.format(fmt, f.host(), f.check(), level, f.message()));
    }
    return sb.toString();
  }
}
