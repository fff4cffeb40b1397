package io.kubeferry.lab.registry;

import java.util.List;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;

/** The injected rules shared by the front and the blob host of one lab registry. */
final class FaultInjector {
  private final List<FaultRule> rules = new CopyOnWriteArrayList<>();

  void add(FaultRule rule) {
    rules.add(rule);
  }

  void clear() {
    rules.clear();
  }

  /** Claims the first live rule of one of {@code actions} matching kind and path, or null. */
  FaultRule claim(RequestKind kind, String path, Set<FaultRule.Action> actions) {
    for (FaultRule r : rules) {
      if (actions.contains(r.action()) && r.matches(kind, path) && r.remaining() > 0 && r.claim()) {
        return r;
      }
    }
    return null;
  }
}
