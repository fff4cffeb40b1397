package io.kubeferry.installer.plan;

import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Values steps hand to later steps within one run (e.g. facts gathered on each host, read by the cross-host
 * preflight). Keys are namespaced strings such as {@code facts/node1}. Thread-safe.
 */
public final class RunState {
  private final Map<String, Object> values = new ConcurrentHashMap<>();

  public void put(String key, Object value) {
    values.put(key, value);
  }

  public <T> Optional<T> get(String key, Class<T> type) {
    return Optional.ofNullable(values.get(key)).map(type::cast);
  }
}
