package io.kubeferry.installer.source;

/** A bundle that cannot be used; {@link #integrity()} marks signature/digest failures (CLI exit code 3). */
public final class BundleException extends Exception {
  private static final long serialVersionUID = 1L;
  private final boolean integrity;

  public BundleException(String message, boolean integrity) {
    super(message);
    this.integrity = integrity;
  }

  public boolean integrity() {
    return integrity;
  }
}
