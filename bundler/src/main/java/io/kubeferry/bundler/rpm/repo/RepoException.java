package io.kubeferry.bundler.rpm.repo;

/** A yum repository could not be read: missing, malformed, or failing a checksum or signature check. */
public class RepoException extends Exception {
  private static final long serialVersionUID = 1L;

  public RepoException(String message) {
    super(message);
  }

  public RepoException(String message, Throwable cause) {
    super(message, cause);
  }
}
