package io.kubeferry.installer.plan;

import io.kubeferry.installer.inventory.Host;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * A named group of steps with a {@link Scope}. A local phase runs its steps once on the installer machine; a host
 * phase runs each host's ordered steps, hosts ordered by the scope (inventory order: the first host is the map's
 * first key). Phases run one after the other, so a phase depends on every host having finished the previous one
 * (e.g. no host is prepared before every host passed preflight).
 */
public record Phase(String name, Scope scope, List<Step> localSteps, Map<Host, List<Step>> hostSteps) {
  public Phase {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(scope, "scope");
    localSteps = List.copyOf(localSteps);
    Map<Host, List<Step>> copy = new LinkedHashMap<>();
    hostSteps.forEach((h, s) -> copy.put(h, List.copyOf(s)));
    hostSteps = Collections.unmodifiableMap(copy);
    if ((scope.kind() == Scope.Kind.LOCAL) != hostSteps.isEmpty()) {
      throw new IllegalArgumentException("phase " + name + ": local phases have only local steps, host phases"
          + " only host steps");
    }
  }

  public static Phase local(String name, List<Step> steps) {
    return new Phase(name, Scope.local(), steps, Map.of());
  }

  /** Every host at once, at most the runner's {@code --parallel}. */
  public static Phase hosts(String name, Map<Host, List<Step>> steps) {
    return new Phase(name, Scope.parallel(), List.of(), steps);
  }

  /** A host phase with another order; {@code steps} must keep the inventory order (a LinkedHashMap). */
  public static Phase hosts(String name, Scope scope, Map<Host, List<Step>> steps) {
    return new Phase(name, scope, List.of(), steps);
  }

  public boolean local() {
    return scope.kind() == Scope.Kind.LOCAL;
  }
}
