package io.kubeferry.installer.host;

/**
 * An operation on a {@link Machine} that failed. The message is one line, "could not X on H: Y", already redacted;
 * {@link #kind()} says whether waiting longer, fixing access or re-running could help.
 */
public final class HostException extends Exception {
  private static final long serialVersionUID = 1L;

  /** Why it failed. */
  public enum Kind {
    /** The host could not be reached, refused us (host key, login, sudo) or the link broke. */
    ACCESS,
    /** A command ended with a non-zero exit status. */
    COMMAND_FAILED,
    /** A file could not be sent or did not arrive intact. */
    TRANSFER,
    /** A command ran longer than its timeout and was stopped. */
    TIMEOUT,
    /** The run was cancelled while we waited; the command was stopped. */
    CANCELLED
  }

  private final Kind kind;

  public HostException(Kind kind, String message) {
    super(message);
    this.kind = kind;
  }

  public HostException(Kind kind, String message, Throwable cause) {
    super(message, cause);
    this.kind = kind;
  }

  public Kind kind() {
    return kind;
  }
}
