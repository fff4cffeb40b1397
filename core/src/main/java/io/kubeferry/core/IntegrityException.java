package io.kubeferry.core;

/**
 * Something that must be intact is not: a digest or signature mismatch, an unlisted or missing file, a hostile
 * archive entry. The CLI maps it to exit code {@value #EXIT_CODE}. {@link #subject()} names the file or input at fault.
 */
public class IntegrityException extends Exception {
  private static final long serialVersionUID = 1L;

  /** The documented exit code for integrity failures. */
  public static final int EXIT_CODE = 3;

  private final String subject;

  /** @param subject the file, entry or input at fault (never null) */
  public IntegrityException(String subject, String message) {
    super(message);
    this.subject = subject;
  }

  public IntegrityException(String subject, String message, Throwable cause) {
    super(message, cause);
    this.subject = subject;
  }

  /** The file, entry or input at fault. */
  public String subject() {
    return subject;
  }
}
