package io.kubeferry.installer.ssh;

/** POSIX single-quoting, so any string (paths, scripts) reaches the remote shell unchanged. */
public final class ShellQuote {
  private ShellQuote() {}

  /** {@code s} wrapped in single quotes, embedded single quotes written as {@code '\''}. */
  public static String quote(String s) {
    return "'" + s.replace("'", "'\\''") + "'";
  }
}
