package io.kubeferry.installer.ssh;

/**
 * Receives what happens on the hosts, already redacted. Called from worker threads, possibly concurrently for
 * different hosts; implementations must be thread-safe. Every method has a no-op default.
 */
public interface SshListener {
  /** One line of a command's output on {@code host}; {@code stderr} tells which stream it came from. */
  default void output(String host, String line, boolean stderr) {}

  /** Upload progress: {@code sent} of {@code total} bytes of {@code remotePath} are on {@code host}. */
  default void uploadProgress(String host, String remotePath, long sent, long total) {}

  /** A note worth showing, e.g. a host key recorded on first use. */
  default void notice(String host, String message) {}

  /** The listener that ignores everything. */
  SshListener NONE = new SshListener() {};
}
