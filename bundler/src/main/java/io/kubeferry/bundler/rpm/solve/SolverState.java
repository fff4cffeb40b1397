package io.kubeferry.bundler.rpm.solve;

import io.kubeferry.bundler.rpm.repo.Dep;
import io.kubeferry.bundler.rpm.repo.RepoException;
import io.kubeferry.bundler.rpm.repo.RpmPackage;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The decisions of one solver run: which packages are chosen (and why), which are excluded by conflicts,
 * obsoletes or pins, and the boolean-dependency evaluation against the chosen set. Not thread-safe.
 */
final class SolverState {
  private final PackagePool pool;
  private final Map<String, Dep> pins;
  private final boolean[] selected;
  /** When each package was chosen: 1 for the first, 0 for none. */
  private final int[] selectedAt;
  private final boolean[] forbidden;
  private final boolean[] recommended;
  private final boolean[] suggested;
  private final byte[] installable;
  /** Chosen packages by name: one, or with --multilib a 32-bit and a 64-bit one (rpm installs both). */
  private final Map<String, List<Integer>> selectedByName = new HashMap<>();
  private final Map<Integer, String> reason = new HashMap<>();
  private final Map<Integer, Integer> parent = new HashMap<>();
  private final Set<Integer> order = new LinkedHashSet<>();
  private final Map<String, RichDep> richCache = new HashMap<>();

  SolverState(PackagePool pool, Map<String, Dep> pins) {
    this.pool = pool;
    this.pins = pins;
    int n = pool.size();
    selected = new boolean[n];
    selectedAt = new int[n];
    forbidden = new boolean[n];
    recommended = new boolean[n];
    suggested = new boolean[n];
    installable = new byte[n];
  }

  boolean isSelected(int p) {
    return selected[p];
  }

  /** The position of {@code p} in the order of choices (1 = first), 0 when it is not chosen. */
  int selectedAt(int p) {
    return selectedAt[p];
  }

  /** How many packages are chosen so far. */
  int selectedCount() {
    return order.size();
  }

  Set<Integer> selection() {
    return order;
  }

  String reason(int p) {
    return reason.get(p);
  }

  Integer parent(int p) {
    return parent.get(p);
  }

  RichDep rich(String text) {
    return richCache.computeIfAbsent(text, RichDep::parse);
  }

  /** Chooses {@code p}; {@code why} is the direct reason, {@code requirer} the package that needed it or -1. */
  void select(int p, String why, int requirer) throws RepoException {
    selected[p] = true;
    order.add(p);
    selectedAt[p] = order.size();
    reason.put(p, why);
    if (requirer >= 0) {
      parent.put(p, requirer);
    }
    RpmPackage s = pool.get(p);
    selectedByName.computeIfAbsent(s.name(), k -> new ArrayList<>(1)).add(p);
    for (Dep d : s.conflicts()) {
      if (!d.isRich()) {
        for (int q : pool.whatProvides(d)) {
          if (q != p) {
            forbidden[q] = true;
          }
        }
      }
    }
    for (Dep d : s.obsoletes()) {
      for (int q : pool.named(d.name())) {
        if (q != p && !pool.get(q).name().equals(s.name()) && pool.matchesNevr(q, d)) {
          forbidden[q] = true;
        }
      }
    }
    mark(s.recommends(), recommended);
    mark(s.suggests(), suggested);
  }

  /** Whether {@code p} may still be chosen: pins, one version per name, conflicts, obsoletes, installability. */
  boolean viable(int p) throws RepoException {
    return possible(p) && (selected[p] || installable(p));
  }

  /** Like {@link #viable} but without the installability look-ahead: used to explain why nothing is viable. */
  boolean possible(int p) throws RepoException {
    if (selected[p]) {
      return true;
    }
    if (forbidden[p]) {
      return false;
    }
    RpmPackage s = pool.get(p);
    if (sameNameChosen(p) || !pinOk(p)) {
      return false;
    }
    for (Dep d : s.conflicts()) {
      if (d.isRich() ? eval(rich(d.name())) : anySelected(pool.whatProvides(d), p)) {
        return false;
      }
    }
    for (Dep d : s.obsoletes()) {
      if (!d.name().equals(s.name())) {
        for (int q : selectedByName.getOrDefault(d.name(), List.of())) {
          if (pool.matchesNevr(q, d)) {
            return false;
          }
        }
      }
    }
    return true;
  }

  /** Whether a package of {@code p}'s name is chosen that excludes it (see {@link Multilib}). */
  private boolean sameNameChosen(int p) {
    for (int q : selectedByName.getOrDefault(pool.get(p).name(), List.of())) {
      if (Multilib.exclusive(pool.get(p).arch(), pool.get(q).arch())) {
        return true;
      }
    }
    return false;
  }

  boolean pinOk(int p) {
    Dep pin = pins.get(pool.get(p).name());
    return pin == null || pool.matchesNevr(p, pin);
  }

  /**
   * A package whose requirement nobody (installable) provides can never be chosen; libsolv learns this from its
   * rules, we compute it once per package (cycles count as installable).
   */
  private boolean installable(int p) throws RepoException {
    if (installable[p] != 0) {
      return installable[p] > 0;
    }
    installable[p] = 1;
    for (Dep d : pool.get(p).requires()) {
      if (d.isRich() || d.name().startsWith("rpmlib(")) {
        continue;
      }
      boolean any = false;
      for (int q : pool.whatProvides(d)) {
        if (pinOk(q) && (q == p || installable(q))) {
          any = true;
          break;
        }
      }
      if (!any) {
        installable[p] = -1;
        return false;
      }
    }
    return true;
  }

  boolean anySelected(int[] ps, int except) {
    for (int q : ps) {
      if (q != except && selected[q]) {
        return true;
      }
    }
    return false;
  }

  /** Whether the chosen set satisfies a plain dependency. */
  boolean satisfied(Dep d) throws RepoException {
    if (d.isRich()) {
      return eval(rich(d.name()));
    }
    return d.name().startsWith("rpmlib(") || anySelected(pool.whatProvides(d), -1);
  }

  /** Evaluates a boolean dependency against the chosen set. */
  boolean eval(RichDep r) throws RepoException {
    if (r instanceof RichDep.Leaf l) {
      return anySelected(pool.whatProvides(l.dep()), -1);
    }
    RichDep.Op op = (RichDep.Op) r;
    List<RichDep> a = op.args();
    switch (op.op()) {
      case "and" -> {
        for (RichDep x : a) {
          if (!eval(x)) {
            return false;
          }
        }
        return true;
      }
      case "or" -> {
        for (RichDep x : a) {
          if (eval(x)) {
            return true;
          }
        }
        return false;
      }
      case "if" -> {
        return eval(a.get(1)) ? eval(a.get(0)) : op.elseBranch() == null || eval(op.elseBranch());
      }
      case "unless" -> {
        return !eval(a.get(1)) ? eval(a.get(0)) : op.elseBranch() == null || eval(op.elseBranch());
      }
      default -> {
        for (int q : providers(r)) {
          if (selected[q]) {
            return true;
          }
        }
        return false;
      }
    }
  }

  /** Packages that provide a leaf, or both/only one side of with/without. */
  List<Integer> providers(RichDep r) throws RepoException {
    if (r instanceof RichDep.Leaf l) {
      List<Integer> out = new ArrayList<>();
      for (int q : pool.whatProvides(l.dep())) {
        out.add(q);
      }
      return out;
    }
    RichDep.Op op = (RichDep.Op) r;
    List<Integer> base = providers(op.args().get(0));
    for (int i = 1; i < op.args().size(); i++) {
      List<Integer> other = providers(op.args().get(i));
      if (op.op().equals("with")) {
        base.retainAll(other);
      } else if (op.op().equals("without")) {
        base.removeAll(other);
      } else {
        throw new IllegalArgumentException("'" + op.op() + "' cannot be used inside with/without");
      }
    }
    return base;
  }

  /**
   * What could be installed to satisfy an unsatisfied boolean requirement: all alternatives of an 'or', the
   * first unsatisfied operand of an 'and', the branch an if/unless condition selects.
   */
  List<Integer> candidates(RichDep r) throws RepoException {
    if (r instanceof RichDep.Leaf) {
      return providers(r);
    }
    RichDep.Op op = (RichDep.Op) r;
    List<RichDep> a = op.args();
    switch (op.op()) {
      case "and" -> {
        for (RichDep x : a) {
          if (!eval(x)) {
            return candidates(x);
          }
        }
        return List.of();
      }
      case "or" -> {
        Set<Integer> all = new LinkedHashSet<>();
        for (RichDep x : a) {
          all.addAll(candidates(x));
        }
        return new ArrayList<>(all);
      }
      case "if" -> {
        RichDep branch = eval(a.get(1)) ? a.get(0) : op.elseBranch();
        return branch == null ? List.of() : candidates(branch);
      }
      case "unless" -> {
        RichDep branch = !eval(a.get(1)) ? a.get(0) : op.elseBranch();
        return branch == null ? List.of() : candidates(branch);
      }
      default -> {
        return providers(r);
      }
    }
  }

  private void mark(List<Dep> deps, boolean[] map) throws RepoException {
    for (Dep d : deps) {
      if (!d.isRich()) {
        for (int q : pool.whatProvides(d)) {
          map[q] = true;
        }
      }
    }
  }

  boolean isSuggested(int p) {
    return suggested[p];
  }

  /** Whether one of {@code p}'s Enhances is true for the chosen set. */
  boolean isEnhancing(int p) throws RepoException {
    return anyTrue(pool.get(p).enhances());
  }

  private boolean anyTrue(List<Dep> deps) throws RepoException {
    for (Dep d : deps) {
      if (d.isRich() ? eval(rich(d.name())) : anySelected(pool.whatProvides(d), -1)) {
        return true;
      }
    }
    return false;
  }

  boolean isRecommended(int p) {
    return recommended[p];
  }

  /** Whether one of {@code p}'s Supplements is true for the chosen set. */
  boolean isSupplementing(int p) throws RepoException {
    return anyTrue(pool.get(p).supplements());
  }
}
