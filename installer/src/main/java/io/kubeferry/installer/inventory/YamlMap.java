package io.kubeferry.installer.inventory;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * A YAML mapping with its path, read field by field. Type mismatches and unknown keys are recorded in the shared
 * problem list instead of thrown, so one pass reports every problem.
 */
final class YamlMap {
  private final String path;
  private final Map<?, ?> map;
  private final List<String> problems;

  YamlMap(String path, Map<?, ?> map, List<String> problems) {
    this.path = path;
    this.map = map;
    this.problems = problems;
  }

  /** Wraps {@code value} if it is a mapping; records a problem (and returns an empty map) otherwise. */
  static YamlMap of(String path, Object value, List<String> problems) {
    if (value == null) {
      return new YamlMap(path, Map.of(), problems);
    }
    if (!(value instanceof Map<?, ?> m)) {
      problems.add(path + ": expected a mapping, found " + describe(value));
      return new YamlMap(path, Map.of(), problems);
    }
    return new YamlMap(path, m, problems);
  }

  String path() {
    return path;
  }

  String at(String key) {
    return path.isEmpty() ? key : path + "." + key;
  }

  void problem(String key, String message) {
    problems.add(at(key) + ": " + message);
  }

  boolean has(String key) {
    return map.containsKey(key);
  }

  Object raw(String key) {
    return map.get(key);
  }

  /** Reports keys outside {@code allowed}, with a "did you mean" hint for near misses. */
  void rejectUnknownKeys(Set<String> allowed) {
    for (Object k : map.keySet()) {
      String key = String.valueOf(k);
      if (!allowed.contains(key)) {
        String hint = Suggest.closest(key, allowed).map(s -> " (did you mean '" + s + "'?)").orElse("");
        problems.add(at(key) + ": unknown key" + hint + "; allowed here: " + String.join(", ", sorted(allowed)));
      }
    }
  }

  Optional<String> string(String key) {
    Object v = map.get(key);
    if (v == null) {
      return Optional.empty();
    }
    if (v instanceof String s) {
      if (s.isBlank()) {
        problem(key, "must not be empty");
        return Optional.empty();
      }
      return Optional.of(s);
    }
    if (v instanceof Number || v instanceof Boolean) {
      return Optional.of(String.valueOf(v));
    }
    problem(key, "expected a string, found " + describe(v));
    return Optional.empty();
  }

  Optional<Integer> integer(String key) {
    Object v = map.get(key);
    if (v == null) {
      return Optional.empty();
    }
    if (v instanceof Integer i) {
      return Optional.of(i);
    }
    problem(key, "expected an integer, found " + describe(v));
    return Optional.empty();
  }

  Optional<Boolean> bool(String key) {
    Object v = map.get(key);
    if (v == null) {
      return Optional.empty();
    }
    if (v instanceof Boolean b) {
      return Optional.of(b);
    }
    problem(key, "expected true or false, found " + describe(v));
    return Optional.empty();
  }

  /** A list of strings; a single string is not silently accepted, so a typo'd shape is reported. */
  List<String> strings(String key) {
    Object v = map.get(key);
    List<String> out = new ArrayList<>();
    if (v == null) {
      return out;
    }
    if (!(v instanceof List<?> list)) {
      problem(key, "expected a list, found " + describe(v));
      return out;
    }
    for (int i = 0; i < list.size(); i++) {
      Object item = list.get(i);
      if (item instanceof String s) {
        out.add(s);
      } else {
        problems.add(at(key) + "[" + i + "]: expected a host name, found " + describe(item));
      }
    }
    return out;
  }

  static String describe(Object v) {
    if (v instanceof Map) {
      return "a mapping";
    }
    if (v instanceof List) {
      return "a list";
    }
    return v instanceof String ? "'" + v + "'" : String.valueOf(v);
  }

  private static List<String> sorted(Set<String> s) {
    return s.stream().sorted().toList();
  }
}
