package io.kubeferry.core.oci;

import java.time.Duration;

/** Receives registry client events (retries, resumed downloads). Implementations must be thread-safe. */
public interface RegistryListener {
  /** A request is retried after {@code delay} because of {@code reason}. */
  default void retrying(String what, int attempt, Duration delay, String reason) {}

  /** A blob download resumes at {@code offset} with a Range request. */
  default void resuming(String what, long offset) {}

  /** Ignores all events. */
  RegistryListener NONE = new RegistryListener() {};
}
