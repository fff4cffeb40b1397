package io.kubeferry.bundler.rpm.solve;

import io.kubeferry.bundler.rpm.repo.Dep;
import io.kubeferry.bundler.rpm.repo.RepoException;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Deque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * One resolve, shaped after libsolv's {@code resolve_dependencies}: requirement rules in creation order; unit
 * rules are propagated at once; a rule with several candidates is decided right away only if pruning leaves one,
 * otherwise postponed; when a full pass changes nothing, the first postponed rule is decided with the full policy.
 * There is no backtracking: a requirement with no viable candidate is reported (all of them, with chains).
 */
final class SolverRun {
  private final PackagePool pool;
  private final SolveRequest request;
  private final SpecMatcher matcher;
  private final SolverState state;
  private final Policy policy;
  private final List<Rule> rules = new ArrayList<>();
  private final Map<Integer, List<Rule>> rulesOf = new HashMap<>();
  private final Set<Integer> onTarget = new HashSet<>();
  private final Map<Rule, String> missing = new java.util.LinkedHashMap<>();

  /** A choice among several candidates: rule index, chosen package, the others in policy order, choices before. */
  private record Branch(int rule, int chosen, List<Integer> others, int chosenBefore) {}

  private final List<Branch> branches = new ArrayList<>();
  private final Map<Integer, Integer> overrides;

  SolverRun(PackagePool pool, SolveRequest request, Map<String, Dep> pins, SpecMatcher matcher) {
    this(pool, request, pins, matcher, Map.of());
  }

  /** {@code overrides}: rule index to the candidate to take there instead of the policy's (see minimization). */
  SolverRun(PackagePool pool, SolveRequest request, Map<String, Dep> pins, SpecMatcher matcher,
      Map<Integer, Integer> overrides) {
    this.overrides = overrides;
    this.pool = pool;
    this.request = request;
    this.matcher = matcher;
    this.state = new SolverState(pool, pins);
    this.policy = new Policy(pool, request.arches(), state);
  }

  Resolution run(List<Spec.Reading> readings) throws UnsatisfiableException, RepoException {
    markOnTarget();
    List<Integer> jobs = new ArrayList<>();
    for (int i = 0; i < readings.size(); i++) {
      Spec.Reading r = readings.get(i);
      List<Integer> cands = new ArrayList<>();
      for (int p : matcher.matches(r)) {
        if (state.viable(p)) {
          cands.add(p);
        }
      }
      for (int p : matcher.obsoletersOfNewest(r)) {
        if (state.viable(p)) {
          cands.add(p);
        }
      }
      if (cands.isEmpty()) {
        // Nothing installable: take it anyway so that resolving it names the dependencies that are missing.
        for (int p : matcher.matches(r)) {
          if (state.possible(p)) {
            cands.add(p);
          }
        }
      }
      if (cands.isEmpty()) {
        missing.put(new Rule(-1, r.dep(), null, new int[0]), "requested " + request.specs().get(i) + " cannot be installed"
            + " (its dependencies are missing or it conflicts with another requested package)");
        continue;
      }
      // a job is a choice too (libsolv minimizes it like any other): the obsoleters of a name are alternatives
      int p = choose(jobRule(i), cands);
      if (!state.isSelected(p)) {
        String name = pool.get(p).name();
        state.select(p, "requested: " + request.specs().get(i) + (name.equals(r.dep().name()) ? ""
            : " (" + name + " obsoletes " + r.dep().name() + ")"), -1);
      }
      jobs.add(p);
    }
    buildRules(jobs);
    for (int p : jobs) {
      propagate(p);
    }
    resolveDependencies();
    if (!missing.isEmpty()) {
      throw new UnsatisfiableException(new ArrayList<>(missing.values()));
    }
    return new ClosureOf(pool, state, onTarget, request.fullClosure()).resolution();
  }

  /** Base-OS packages: chosen up front (newest per name), their own requirements trusted to the target. */
  private void markOnTarget() throws RepoException {
    List<String> names = new ArrayList<>(request.onTarget());
    names.sort(Comparator.naturalOrder());
    for (String name : names) {
      List<Integer> cands = new ArrayList<>();
      for (int p : pool.named(name)) {
        if (state.viable(p)) {
          cands.add(p);
        }
      }
      if (!cands.isEmpty()) {
        int p = policy.choose(cands).get(0);
        state.select(p, "on target (base-OS profile)", -1);
        onTarget.add(p);
      }
    }
  }

  /** Rules in libsolv order: breadth first from the jobs over every provider of every requirement. */
  private void buildRules(List<Integer> jobs) throws RepoException {
    Deque<Integer> work = new ArrayDeque<>(jobs);
    Set<Integer> seen = new HashSet<>(jobs);
    seen.addAll(onTarget);
    while (!work.isEmpty()) {
      int p = work.poll();
      List<Rule> own = new ArrayList<>();
      Set<Dep> dedup = new HashSet<>();
      for (Dep d : pool.get(p).requires()) {
        if (d.name().startsWith("rpmlib(") || !dedup.add(d)) {
          continue;
        }
        RichDep rich = d.isRich() ? state.rich(d.name()) : null;
        Rule rule = new Rule(p, d, rich, rich == null ? pool.whatProvides(d) : null);
        rules.add(rule);
        own.add(rule);
        for (int q : rich == null ? toList(rule.providers()) : allLeafProviders(rich)) {
          if (seen.add(q)) {
            work.add(q);
          }
        }
      }
      Rule lockStep = Multilib.lockStep(pool, request.arches().get(0), p);
      if (lockStep != null) {
        rules.add(lockStep);
        own.add(lockStep);
        for (int q : lockStep.providers()) {
          if (seen.add(q)) {
            work.add(q);
          }
        }
      }
      rulesOf.put(p, own);
    }
  }

  private List<Integer> allLeafProviders(RichDep r) throws RepoException {
    if (r instanceof RichDep.Leaf) {
      return state.providers(r);
    }
    Set<Integer> out = new LinkedHashSet<>();
    RichDep.Op op = (RichDep.Op) r;
    for (RichDep a : op.args()) {
      out.addAll(allLeafProviders(a));
    }
    if (op.elseBranch() != null) {
      out.addAll(allLeafProviders(op.elseBranch()));
    }
    return new ArrayList<>(out);
  }

  private static List<Integer> toList(int[] a) {
    List<Integer> l = new ArrayList<>(a.length);
    for (int x : a) {
      l.add(x);
    }
    return l;
  }

  /**
   * The candidates that can still be chosen. When none is installable but some are possible, those are returned:
   * the request fails anyway, and choosing one lets the solver name the dependency that is really missing.
   */
  private List<Integer> viableCandidates(Rule r) throws RepoException {
    List<Integer> all = r.rich() == null ? toList(r.providers()) : state.candidates(r.rich());
    List<Integer> out = new ArrayList<>();
    for (int q : all) {
      if (state.viable(q)) {
        out.add(q);
      }
    }
    if (out.isEmpty()) {
      for (int q : all) {
        if (state.possible(q)) {
          out.add(q);
        }
      }
    }
    return out;
  }

  private void select(int p, Rule r) throws RepoException {
    state.select(p, "requires " + r.dep() + ": " + pool.get(r.requirer()).nevra(), r.requirer());
    propagate(p);
  }

  /** Unit propagation: a requirement of a chosen package with exactly one viable candidate forces it. */
  private void propagate(int start) throws RepoException {
    Deque<Integer> work = new ArrayDeque<>();
    work.add(start);
    while (!work.isEmpty()) {
      int p = work.poll();
      for (Rule r : rulesOf.getOrDefault(p, List.of())) {
        if (satisfied(r)) {
          continue;
        }
        List<Integer> c = viableCandidates(r);
        if (c.size() == 1) {
          state.select(c.get(0), "requires " + r.dep() + ": " + pool.get(p).nevra(), p);
          work.add(c.get(0));
        }
      }
    }
  }

  private boolean satisfied(Rule r) throws RepoException {
    return r.rich() == null ? state.anySelected(r.providers(), -1) : state.satisfied(r.dep());
  }

  private void resolveDependencies() throws RepoException {
    int n = rules.size();
    if (n == 0) {
      return;
    }
    int postponed = 0;
    int i = 0;
    int scanned = 0;
    while (true) {
      if (scanned >= n) {
        if (postponed <= 0) {
          break;
        }
        i = postponed - 1;
        postponed = -1;
        scanned = 0;
      }
      if (i >= n) {
        i = 0;
      }
      Rule r = rules.get(i);
      i++;
      scanned++;
      if (!state.isSelected(r.requirer()) || (!missing.isEmpty() && missing.containsKey(r))) {
        continue;
      }
      if (r.rich() != null && !request.richDeps()) {
        missing.put(r, "rich dependency " + r.dep() + " of " + chain(r.requirer()) + " cannot be installed by yum"
            + " on this OS profile (pick a package version built for it)");
        continue;
      }
      if (satisfied(r)) {
        continue;
      }
      List<Integer> c = viableCandidates(r);
      if (c.isEmpty()) {
        List<Integer> providers = r.rich() == null ? toList(r.providers()) : state.candidates(r.rich());
        missing.put(r, providers.isEmpty() ? "nothing provides " + r.dep() + " needed by " + chain(r.requirer())
            : "no provider of " + r.dep() + " needed by " + chain(r.requirer()) + " can be installed: "
                + describe(providers) + " conflict with chosen packages or pinned versions");
        continue;
      }
      if (c.size() > 1 && postponed >= 0) {
        c = policy.prune(c);
        if (c.size() > 1) {
          if (postponed == 0) {
            postponed = i;
          }
          continue;
        }
      }
      int pick = c.size() == 1 ? c.get(0) : choose(i - 1, c);
      select(pick, r);
      scanned = 0;
    }
  }

  /** The key of job {@code i} among the rule indexes of {@link #choose} and {@link #minimization}. */
  private static int jobRule(int i) {
    return -1 - i;
  }

  /** The policy's choice for rule {@code rule}, or its override; records the alternatives for minimization. */
  private int choose(int rule, List<Integer> candidates) throws RepoException {
    List<Integer> ordered = policy.choose(candidates);
    Integer forced = overrides.get(rule);
    int pick = forced != null && ordered.contains(forced) ? forced : ordered.get(0);
    if (ordered.size() > 1) {
      List<Integer> others = new ArrayList<>(ordered);
      others.remove(Integer.valueOf(pick));
      branches.add(new Branch(rule, pick, others, state.selectedCount()));
    }
    return pick;
  }

  /**
   * libsolv's minimization step, after a complete solution: the earliest choice where another candidate ended up
   * chosen anyway by a later decision is taken again with that candidate (dnf: requirement "kernel" first takes
   * kernel, whose requirements bring kernel-core, which provides "kernel" too; minimized, kernel-core alone).
   * Returns {rule index, candidate}, or null when the solution is minimal.
   */
  int[] minimization() {
    for (Branch b : branches) {
      if (overrides.containsKey(b.rule())) {
        continue;
      }
      for (int q : b.others()) {
        if (state.selectedAt(q) > b.chosenBefore() + 1) {
          return new int[] {b.rule(), q};
        }
      }
    }
    return null;
  }

  private String describe(List<Integer> pkgs) {
    List<String> names = new ArrayList<>();
    for (int p : pkgs.subList(0, Math.min(5, pkgs.size()))) {
      names.add(pool.get(p).nevra().toString());
    }
    return String.join(", ", names) + (pkgs.size() > 5 ? ", ..." : "");
  }

  /** "kubelet-1.23.1-0.x86_64 <- kubeadm-1.23.1-0.x86_64 (requested: kubeadm-1.23.1-0)". */
  private String chain(int p) {
    StringBuilder sb = new StringBuilder(pool.get(p).nevra().toString());
    Set<Integer> seen = new HashSet<>();
    Integer cur = p;
    while (cur != null && seen.add(cur)) {
      Integer up = state.parent(cur);
      if (up == null) {
        String why = state.reason(cur);
        if (why != null && why.startsWith("requested")) {
          sb.append(" (").append(why).append(')');
        }
        break;
      }
      sb.append(" <- ").append(pool.get(up).nevra());
      cur = up;
    }
    return sb.toString();
  }
}
