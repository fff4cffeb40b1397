package io.kubeferry.bundler.rpm.solve;

import io.kubeferry.bundler.rpm.repo.Dep;
import io.kubeferry.bundler.rpm.repo.RepoException;
import io.kubeferry.bundler.rpm.repo.Repository;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;

/**
 * Resolves the RPM dependency closure of requested packages over several repositories, as dnf would install it
 * into a target that has only the base-OS profile's packages. Deterministic; thread-safe (no shared state).
 */
public final class Solver {
  private static final int MAX_MINIMIZATION_STEPS = 16;

  /**
   * Resolves the request.
   *
   * @throws UnsatisfiableException listing every unknown spec, conflicting pin and missing dependency with the
   *     chain of packages that needs it
   * @throws RepoException when a repository's filelists is needed for a file dependency but cannot be read
   */
  public Resolution solve(List<Repository> repos, SolveRequest request)
      throws UnsatisfiableException, RepoException {
    PackagePool pool = new PackagePool(repos, new HashSet<>(request.arches()));
    SpecMatcher matcher = new SpecMatcher(pool);
    List<String> problems = new ArrayList<>();
    Map<String, Dep> pins = new HashMap<>();
    List<Spec.Reading> readings = new ArrayList<>();
    for (Spec spec : request.specs()) {
      Spec.Reading r = matcher.reading(spec);
      if (r == null) {
        problems.add("no package matches '" + spec + "' for " + request.arch() + " in the repositories");
        continue;
      }
      if (matcher.matches(r).isEmpty()) {
        problems.add("no version of " + r.dep().name() + " matches '" + spec + "' (available: "
            + available(pool, r.dep().name()) + ")");
        continue;
      }
      String conflict = SpecMatcher.pin(pins, spec, r);
      if (conflict != null) {
        problems.add(conflict);
      }
      readings.add(r);
    }
    if (!problems.isEmpty()) {
      throw new UnsatisfiableException(problems);
    }
    // libsolv minimizes a complete solution (see SolverRun.minimization); each step solves again with one more
    // choice taken differently, so a step costs a solve: bounded, the result of the last step stands.
    Map<Integer, Integer> overrides = new HashMap<>();
    for (int step = 0; ; step++) {
      SolverRun run = new SolverRun(pool, request, pins, matcher, overrides);
      Resolution result = run.run(readings);
      int[] better = step < MAX_MINIMIZATION_STEPS ? run.minimization() : null;
      if (better == null) {
        return result;
      }
      overrides.put(better[0], better[1]);
    }
  }

  private static String available(PackagePool pool, String name) {
    List<String> versions = new ArrayList<>();
    for (int p : pool.named(name)) {
      versions.add(pool.get(p).evr().toString());
    }
    return versions.size() > 8 ? String.join(", ", versions.subList(versions.size() - 8, versions.size())) + ", ..."
        : String.join(", ", versions);
  }
}
