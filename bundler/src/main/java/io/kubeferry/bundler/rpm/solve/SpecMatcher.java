package io.kubeferry.bundler.rpm.solve;

import io.kubeferry.bundler.rpm.repo.Dep;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** Finds the packages a {@link Spec} means, trying its readings in order like dnf does. */
final class SpecMatcher {
  private final PackagePool pool;

  SpecMatcher(PackagePool pool) {
    this.pool = pool;
  }

  /** The first reading whose name exists in the pool, or {@code null}. */
  Spec.Reading reading(Spec spec) {
    for (Spec.Reading r : spec.interpretations()) {
      for (int p : pool.named(r.dep().name())) {
        if (r.arch() == null || r.arch().equals(pool.get(p).arch())) {
          return r;
        }
      }
    }
    return null;
  }

  /** Packages named by the reading, matching its version and arch. */
  List<Integer> matches(Spec.Reading r) {
    List<Integer> out = new ArrayList<>();
    for (int p : pool.named(r.dep().name())) {
      if ((r.arch() == null || r.arch().equals(pool.get(p).arch())) && pool.matchesNevr(p, r.dep())) {
        out.add(p);
      }
    }
    return out;
  }

  /**
   * For a bare name, the packages of other names that obsolete its newest version (per arch): dnf installs those
   * instead when asked for an obsoleted name (e.g. {@code libomp-test} is replaced by {@code libomp}), and its
   * policy then prefers the obsoleter. Empty for versioned or arch-qualified readings, as in dnf.
   */
  List<Integer> obsoletersOfNewest(Spec.Reading r) {
    if (r.dep().flags() != 0 || r.arch() != null) {
      return List.of();
    }
    Map<String, Integer> newest = new HashMap<>();
    for (int p : matches(r)) {
      newest.merge(pool.get(p).arch(), p, (a, b) -> pool.get(b).evr().compareTo(pool.get(a).evr()) > 0 ? b : a);
    }
    List<Integer> out = new ArrayList<>();
    for (int q : pool.obsoleters(r.dep().name())) {
      if (pool.get(q).name().equals(r.dep().name())) {
        continue;
      }
      for (Dep d : pool.get(q).obsoletes()) {
        if (d.name().equals(r.dep().name()) && newest.values().stream().anyMatch(p -> pool.matchesNevr(p, d))) {
          out.add(q);
          break;
        }
      }
    }
    return out;
  }

  /** Adds a strict pin for a versioned reading; returns a problem line when it contradicts an earlier pin. */
  static String pin(Map<String, Dep> pins, Spec spec, Spec.Reading r) {
    if (r.dep().flags() == 0) {
      return null;
    }
    Dep old = pins.putIfAbsent(r.dep().name(), r.dep());
    if (old != null && !old.intersects(r.dep())) {
      return "conflicting pins for " + r.dep().name() + ": " + old + " and " + r.dep() + " (spec " + spec + ")";
    }
    return null;
  }
}
