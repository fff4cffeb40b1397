package io.kubeferry.bundler.rpm.solve;

import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * What to resolve.
 *
 * @param specs the requested packages; versioned specs also pin their package name strictly (every candidate of
 *     that name must match, also when another package pulls it in)
 * @param arch target architecture, {@code x86_64} or {@code aarch64}; noarch is always allowed
 * @param multilib also allow the 32-bit arch (i686) as candidates
 * @param onTarget package names the base-OS profile says the target already has; empty for an empty target
 * @param fullClosure bundle everything, ignoring {@code onTarget} (the packages are still resolved the same way)
 * @param richDeps whether the target understands rich dependencies; when false (EL7) a chosen package with one
 *     is reported as a problem
 */
public record SolveRequest(List<Spec> specs, String arch, boolean multilib, Set<String> onTarget,
    boolean fullClosure, boolean richDeps) {
  public SolveRequest {
    specs = List.copyOf(specs);
    Objects.requireNonNull(arch, "arch");
    onTarget = Set.copyOf(onTarget);
  }

  /** Resolve for an empty target. */
  public static SolveRequest of(String arch, String... specs) {
    return new SolveRequest(java.util.Arrays.stream(specs).map(Spec::new).toList(), arch, false, Set.of(), false,
        true);
  }

  /** The arches candidates may have, best first. */
  List<String> arches() {
    if (arch.equals("x86_64")) {
      return multilib ? List.of("x86_64", "i686", "i586", "i386", "noarch") : List.of("x86_64", "noarch");
    }
    return List.of(arch, "noarch");
  }
}
