package io.kubeferry.installer.ssh;

/**
 * A remote operation that failed. The message is one line, "could not X on host H: Y", already redacted;
 * {@link #kind()} lets callers react (e.g. not retrying a changed host key).
 */
public final class SshException extends Exception {
  private static final long serialVersionUID = 1L;

  /** Why it failed. */
  public enum Kind {
    UNREACHABLE, AUTHENTICATION, HOST_KEY_UNKNOWN, HOST_KEY_CHANGED, SUDO_REFUSED, TIMEOUT, COMMAND_FAILED,
    TRANSFER, CONNECTION_LOST,
    /** The waiting thread was interrupted (the run was cancelled); the connection was dropped. */
    INTERRUPTED
  }

  private final String host;
  private final Kind kind;

  public SshException(String host, Kind kind, String message) {
    super(message);
    this.host = host;
    this.kind = kind;
  }

  public SshException(String host, Kind kind, String message, Throwable cause) {
    super(message, cause);
    this.host = host;
    this.kind = kind;
  }

  public String host() {
    return host;
  }

  public Kind kind() {
    return kind;
  }
}
