package io.kubeferry.bundler.rpm.solve;

import java.util.List;

/**
 * The request cannot be resolved. {@link #problems()} holds every problem found (not just the first), one line
 * each, e.g. {@code nothing provides conntrack needed by kubelet-1.23.1-0.x86_64 <- kubeadm-1.23.1-0.x86_64
 * (requested)}.
 */
public class UnsatisfiableException extends Exception {
  private static final long serialVersionUID = 1L;
  private final List<String> problems;

  public UnsatisfiableException(List<String> problems) {
    super("could not resolve the packages: " + problems.size() + " problem(s):\n  " + String.join("\n  ", problems));
    this.problems = List.copyOf(problems);
  }

  /** One line per missing dependency or unknown spec. */
  public List<String> problems() {
    return problems;
  }
}
