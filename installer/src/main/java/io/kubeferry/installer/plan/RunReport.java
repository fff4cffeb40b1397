package io.kubeferry.installer.plan;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * Every step result of a run in completion order, whether the run stopped on a failure, and whether it was
 * cancelled.
 */
public record RunReport(List<StepResult> results, boolean stopped, boolean cancelled) {
  public RunReport {
    results = List.copyOf(results);
  }

  public boolean ok() {
    return !cancelled && results.stream().noneMatch(StepResult::failed);
  }

  public List<StepResult> failures() {
    return results.stream().filter(StepResult::failed).toList();
  }

  /**
   * What sort of failure stopped the run (the first failure's kind; {@code CANCELLED} when the user cancelled),
   * empty for a run that finished. The CLI's exit code follows from it.
   */
  public Optional<StepException.Kind> failureKind() {
    if (cancelled) {
      return Optional.of(StepException.Kind.CANCELLED);
    }
    return failures().stream().findFirst().map(f -> f.failure().orElse(StepException.Kind.HOST));
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
