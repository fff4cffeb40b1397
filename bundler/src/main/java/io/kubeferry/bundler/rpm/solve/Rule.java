package io.kubeferry.bundler.rpm.solve;

import io.kubeferry.bundler.rpm.repo.Dep;

/**
 * "Package {@code requirer} requires {@code dep}"; {@code rich} is the parsed tree for boolean dependencies, else
 * {@code providers} are the packages providing {@code dep} (looked up once: the solver tests each rule many times).
 * Rules are numbered in the order libsolv would create them (breadth first over every possible provider), which
 * is the order choices are made in.
 */
record Rule(int requirer, Dep dep, RichDep rich, int[] providers) {
  @Override
  public String toString() {
    return dep.toString();
  }
}
