package io.kubeferry.installer.plan;

import io.kubeferry.installer.inventory.Host;
import io.kubeferry.installer.inventory.Role;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/** The install as data: ordered phases. {@link #render()} is what {@code --dry-run} prints. Immutable. */
public record Plan(List<Phase> phases) {
  public Plan {
    phases = List.copyOf(phases);
  }

  /** A human-readable listing of every phase, host and step, in execution order. */
  public String render() {
    StringBuilder sb = new StringBuilder();
    int n = 1;
    for (Phase p : phases) {
      sb.append("phase ").append(n++).append(": ").append(p.name());
      if (p.local()) {
        sb.append(" (on this machine)\n");
        p.localSteps().forEach(s -> sb.append("    - ").append(s.describe()).append('\n'));
        continue;
      }
      String first = p.hostSteps().keySet().iterator().next().name();
      sb.append(" (").append(p.scope().describe(p.hostSteps().size(), first));
      sb.append(n > 2 ? ", after phase " + (n - 2) + " finished everywhere)\n" : ")\n");
      for (Map.Entry<Host, List<Step>> e : p.hostSteps().entrySet()) {
        Host h = e.getKey();
        sb.append("  ").append(h.name()).append(" [")
            .append(h.roles().stream().map(Role::key).sorted().collect(Collectors.joining(",")))
            .append("] ").append(h.endpoint()).append('\n');
        int i = 1;
        for (Step s : e.getValue()) {
          sb.append("    ").append(i++).append(". ").append(s.id()).append(": ").append(s.describe()).append('\n');
        }
      }
    }
    return sb.toString();
  }
}
