package io.kubeferry.bundler.rpm.solve;

import io.kubeferry.bundler.rpm.repo.Dep;
import io.kubeferry.bundler.rpm.repo.RepoException;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Deque;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The {@link Resolution} of a finished solver run: every chosen package with the chain of reasons that brought it
 * in, sorted by name and NEVRA; base-OS packages only when a chosen package needs them (marked as on the target
 * unless the whole closure is asked for). One use.
 */
final class ClosureOf {
  private final PackagePool pool;
  private final SolverState state;
  private final Set<Integer> onTarget;
  private final boolean fullClosure;
  private Set<Integer> neededBaseCache;

  ClosureOf(PackagePool pool, SolverState state, Set<Integer> onTarget, boolean fullClosure) {
    this.pool = pool;
    this.state = state;
    this.onTarget = onTarget;
    this.fullClosure = fullClosure;
  }

  Resolution resolution() {
    List<ResolvedPackage> out = new ArrayList<>();
    for (int p : state.selection()) {
      boolean base = onTarget.contains(p);
      if (base && !isNeeded(p)) {
        continue;
      }
      List<String> why = new ArrayList<>();
      Set<Integer> seen = new HashSet<>();
      Integer cur = p;
      while (cur != null && seen.add(cur)) {
        why.add(state.reason(cur));
        cur = state.parent(cur);
      }
      out.add(new ResolvedPackage(pool.get(p), why, base && !fullClosure));
    }
    // Sort keys computed once: a comparator building NEVRA strings would make thousands of them.
    Map<ResolvedPackage, String> nevra = new java.util.IdentityHashMap<>();
    for (ResolvedPackage r : out) {
      nevra.put(r, r.pkg().nevra().toString());
    }
    out.sort(Comparator.comparing((ResolvedPackage r) -> r.pkg().name()).thenComparing(nevra::get));
    return new Resolution(out);
  }

  /** A base-OS package belongs to the closure only if some chosen package's requirement is met by it. */
  private boolean isNeeded(int base) {
    return neededBase().contains(base);
  }

  /** The base-OS packages some chosen package's requirements reach, directly or through other base packages. */
  private Set<Integer> neededBase() {
    if (neededBaseCache == null) {
      neededBaseCache = new HashSet<>();
      Deque<Integer> work = new ArrayDeque<>();
      for (int p : state.selection()) {
        if (!onTarget.contains(p)) {
          work.add(p);
        }
      }
      Set<Integer> seen = new HashSet<>(work);
      while (!work.isEmpty()) {
        int p = work.poll();
        for (Dep d : pool.get(p).requires()) {
          if (d.isRich() || d.name().startsWith("rpmlib(")) {
            continue;
          }
          try {
            for (int q : pool.whatProvides(d)) {
              if (state.isSelected(q) && onTarget.contains(q) && seen.add(q)) {
                neededBaseCache.add(q);
                work.add(q);
              }
            }
          } catch (RepoException e) {
            // whatProvides already answered this dependency during the solve; it is cached.
          }
        }
      }
    }
    return neededBaseCache;
  }
}
