package io.kubeferry.lab.node;

/**
 * A lab node could not be started, reached or stopped. Unchecked on purpose: the lab is test support and any
 * failure of it fails the test that uses it; messages say what to do ("run scripts/setup-test-env").
 */
public final class LabNodeException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  /** @param message what failed and why, one line */
  public LabNodeException(String message) {
    super(message);
  }

  /** @param message what failed and why, one line; @param cause the underlying failure */
  public LabNodeException(String message, Throwable cause) {
    super(message, cause);
  }
}
