package io.kubeferry.bundler.rpm;

import java.nio.file.Path;

/** An RPM is unsigned, signed by an unknown key, or its signature or digests do not match. */
public class RpmSignatureException extends RpmException {
  private static final long serialVersionUID = 1L;

  public RpmSignatureException(String message, Path file) {
    super(message, file);
  }
}
