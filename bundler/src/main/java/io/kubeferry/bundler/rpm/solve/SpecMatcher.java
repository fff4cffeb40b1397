package io.kubeferry.bundler.rpm.solve;

import io.kubeferry.bundler.rpm.repo.Dep;
import java.util.ArrayList;
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
