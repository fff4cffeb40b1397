package io.kubeferry.bundler.rpm;

import java.nio.file.Path;

/** An RPM file could not be read, verified or indexed. The message names the file and what to do. */
public class RpmException extends Exception {
  private static final long serialVersionUID = 1L;
  private final transient Path file;

  public RpmException(String message, Path file) {
    super(message);
    this.file = file;
  }

  public RpmException(String message, Path file, Throwable cause) {
    super(message, cause);
    this.file = file;
  }

  /** The RPM (or directory) concerned; may be null. */
  public Path file() {
    return file;
  }
}
