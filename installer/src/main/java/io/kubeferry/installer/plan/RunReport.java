package io.kubeferry.installer.plan;

import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/** Every step result of a run in completion order, and whether the run stopped on a failure. */
public record RunReport(List<StepResult> results, boolean stopped) {
  public RunReport {
    results = List.copyOf(results);
  }

  public boolean ok() {
    return results.stream().noneMatch(StepResult::failed);
  }

  public List<StepResult> failures() {
    return results.stream().filter(StepResult::failed).toList();
  }

  /** Counts per status, for a one-line summary. */
  public Map<StepResult.Status, Long> counts() {
    Map<StepResult.Status, Long> m = new TreeMap<>();
    results.forEach(r -> m.merge(r.status(), 1L, Long::sum));
    return m;
  }

  /** A fixed-width table: host, step, status, detail (failures first). */
  public String table() {
    List<StepResult> rows = new java.util.ArrayList<>(failures());
    results.stream().filter(r -> !r.failed()).forEach(rows::add);
    int hw = Math.max(4, rows.stream().mapToInt(r -> r.host().length()).max().orElse(0));
    int sw = Math.max(4, rows.stream().mapToInt(r -> r.step().length()).max().orElse(0));
    StringBuilder sb = new StringBuilder();
    String fmt = "%-" + hw + "s  %-" + sw + "s  %-12s  %s%n";
    sb.append(String.format(fmt, "HOST", "STEP", "STATUS", "DETAIL"));
    for (StepResult r : rows) {
      sb.append(String.format(fmt, r.host(), r.step(), r.status().label(), r.detail()));
    }
    return sb.toString();
  }
}
