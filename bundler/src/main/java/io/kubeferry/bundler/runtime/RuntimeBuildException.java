package io.kubeferry.bundler.runtime;

/** The bundled Java runtime cannot be made from the given JDK; the message says what to pass instead. */
public class RuntimeBuildException extends Exception {
  private static final long serialVersionUID = 1L;

  public RuntimeBuildException(String message) {
    super(message);
  }
}
