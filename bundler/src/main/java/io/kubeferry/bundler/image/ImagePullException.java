package io.kubeferry.bundler.image;

import io.kubeferry.core.oci.RegistryException;
import java.util.List;

/**
 * One or more images could not be pulled (or did not match the lock). The message names every failed image;
 * each cause is attached as a suppressed {@link RegistryException}.
 */
public final class ImagePullException extends Exception {
  private static final long serialVersionUID = 1L;
  private final List<RegistryException> failures;

  public ImagePullException(String message, List<RegistryException> failures) {
    super(message);
    this.failures = List.copyOf(failures);
    failures.forEach(this::addSuppressed);
  }

  /** Builds the exception for a batch, one clause per failed image. */
  static ImagePullException of(String what, int total, List<RegistryException> failures) {
    StringBuilder b = new StringBuilder("could not ").append(what).append(' ').append(failures.size())
        .append(" of ").append(total).append(" images: ");
    for (int i = 0; i < failures.size(); i++) {
      b.append(i > 0 ? "; " : "").append(failures.get(i).getMessage());
    }
    return new ImagePullException(b.toString(), failures);
  }

  public List<RegistryException> failures() {
    return failures;
  }

  /** Whether any failure is an integrity failure (digest mismatch or lock drift): exit code 3. */
  public boolean isIntegrityFailure() {
    return failures.stream().anyMatch(RegistryException::isIntegrityFailure);
  }
}
