package io.kubeferry.installer.plan;

import io.kubeferry.installer.inventory.Host;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * A named group of steps. A local phase runs its steps once on the installer machine; a host phase runs each host's
 * ordered steps, hosts in parallel. Phases run one after the other, so a phase depends on every host having finished
 * the previous one (e.g. no host is prepared before every host passed preflight).
 */
public record Phase(String name, Scope scope, List<Step> localSteps, Map<Host, List<Step>> hostSteps) {
  /** Where the phase's steps run. */
  public enum Scope { LOCAL, HOSTS }

  public Phase {
    Objects.requireNonNull(name, "name");
    localSteps = List.copyOf(localSteps);
    Map<Host, List<Step>> copy = new LinkedHashMap<>();
    hostSteps.forEach((h, s) -> copy.put(h, List.copyOf(s)));
    hostSteps = java.util.Collections.unmodifiableMap(copy);
    if ((scope == Scope.LOCAL) != hostSteps.isEmpty()) {
      throw new IllegalArgumentException("phase " + name + ": local phases have only local steps, host phases"
          + " only host steps");
    }
  }

  public static Phase local(String name, List<Step> steps) {
    return new Phase(name, Scope.LOCAL, steps, Map.of());
  }

  public static Phase hosts(String name, Map<Host, List<Step>> steps) {
    return new Phase(name, Scope.HOSTS, List.of(), steps);
  }
}
