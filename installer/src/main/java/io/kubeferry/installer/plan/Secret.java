package io.kubeferry.installer.plan;

import java.util.Objects;

/**
 * A secret value (a join token, a certificate key, a private key): {@link #toString()} shows {@code ***}, so a
 * secret that reaches a message, a log line or a report by accident shows nothing. {@link #reveal()} is the only way
 * to the value; use it only to hand the value to a host (on stdin) or to the state directory.
 */
public final class Secret {
  private final String value;

  public Secret(String value) {
    this.value = Objects.requireNonNull(value, "value");
  }

  public String reveal() {
    return value;
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof Secret s && s.value.equals(value);
  }

  @Override
  public int hashCode() {
    return value.hashCode();
  }

  @Override
  public String toString() {
    return "***";
  }
}
