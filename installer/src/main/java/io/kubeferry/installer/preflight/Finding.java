package io.kubeferry.installer.preflight;

/** One preflight result line: which host, which check, how serious, and what to do. */
public record Finding(String host, String check, Severity severity, String message) {
  /** ERROR stops the install unless the check is ignored; WARNING is shown only. */
  public enum Severity { ERROR, WARNING }
}
