package io.kubeferry.core.sign;

/** A key could not be generated, read, unlocked or used. The message names the key source. */
public class SigningException extends Exception {
  private static final long serialVersionUID = 1L;

  public SigningException(String message) {
    super(message);
  }

  public SigningException(String message, Throwable cause) {
    super(message, cause);
  }
}
