package io.kubeferry.core.bundle;

/** A bundle manifest that cannot be read: malformed, incomplete or of an unsupported apiVersion. */
public class BundleFormatException extends Exception {
  private static final long serialVersionUID = 1L;

  public BundleFormatException(String message) {
    super(message);
  }

  public BundleFormatException(String message, Throwable cause) {
    super(message, cause);
  }
}
