package io.kubeferry.installer.inventory;

import java.util.List;

/**
 * An inventory that cannot be used. {@link #problems()} lists every problem found, each starting with its YAML
 * path (for example {@code hosts[2].ssh.port: ...}); the message names the file and joins them one per line.
 */
public final class InventoryException extends Exception {
  private static final long serialVersionUID = 1L;
  private final transient List<String> problems;

  public InventoryException(String source, List<String> problems) {
    super("could not load inventory " + source + ": " + problems.size()
        + (problems.size() == 1 ? " problem" : " problems") + "\n  " + String.join("\n  ", problems));
    this.problems = List.copyOf(problems);
  }

  /** Every problem, in file order. */
  public List<String> problems() {
    return problems;
  }
}
