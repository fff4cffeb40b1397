package io.kubeferry.installer.plan;

/** A step that failed; the message is one line saying what could not be done and why. */
public final class StepException extends Exception {
  private static final long serialVersionUID = 1L;

  public StepException(String message) {
    super(message);
  }

  public StepException(String message, Throwable cause) {
    super(message, cause);
  }
}
