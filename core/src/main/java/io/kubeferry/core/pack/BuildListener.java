package io.kubeferry.core.pack;

/** Progress events of a bundle build; the CLI renders them on stderr. Implementations must be thread-safe. */
@FunctionalInterface
public interface BuildListener {
  /** A phase started, e.g. "hashing 1234 files". */
  void phase(String description);

  static BuildListener none() {
    return d -> {};
  }
}
