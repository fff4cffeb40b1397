package io.kubeferry.core.oci;

/**
 * A registry or image-store operation failed. The message is one line "could not X: Y (image Z)"; {@link #kind()}
 * says what class of failure it was so callers can map it to exit codes (integrity failures are exit code 3).
 */
public final class RegistryException extends Exception {
  private static final long serialVersionUID = 1L;

  /** What went wrong, coarse enough for callers to react to. */
  public enum Kind {
    NOT_FOUND, UNAUTHORIZED, DENIED, RATE_LIMITED, SERVER_ERROR, DIGEST_MISMATCH, TRUNCATED, WRONG_PLATFORM,
    LOCAL_STORAGE, NETWORK, PROTOCOL, LOCK_DRIFT
  }

  private final Kind kind;
  private final String image;

  public RegistryException(Kind kind, String image, String message, Throwable cause) {
    super(message + (image == null ? "" : " (image " + image + ")"), cause);
    this.kind = kind;
    this.image = image;
  }

  public RegistryException(Kind kind, String image, String message) {
    this(kind, image, message, null);
  }

  public Kind kind() {
    return kind;
  }

  /** The image reference concerned, or null. */
  public String image() {
    return image;
  }

  /** Whether this is an integrity failure (digest or size does not match what was promised). */
  public boolean isIntegrityFailure() {
    return kind == Kind.DIGEST_MISMATCH || kind == Kind.LOCK_DRIFT;
  }
}
