package io.kubeferry.installer.ssh;

import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Replaces registered secrets (tokens, passwords, certificate keys) with {@code ***} in any text before it is
 * logged, shown or put in an exception message. Thread-safe; secrets shorter than 4 characters are ignored so
 * that common short strings are not blanked out everywhere.
 */
public final class Redactor {
  private final Set<String> secrets = ConcurrentHashMap.newKeySet();

  /** Registers a secret; from now on it never appears in logs or messages. */
  public void add(String secret) {
    if (secret != null && secret.length() >= 4) {
      secrets.add(secret);
    }
  }

  /** {@code text} with every registered secret replaced by {@code ***}. */
  public String redact(String text) {
    if (text == null || secrets.isEmpty()) {
      return text;
    }
    String out = text;
    for (String s : secrets) {
      out = out.replace(s, "***");
    }
    return out;
  }
}
