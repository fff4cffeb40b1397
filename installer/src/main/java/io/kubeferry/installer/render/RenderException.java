package io.kubeferry.installer.render;

/** A file that cannot be rendered for this cluster or node; the message says which file and why. */
public final class RenderException extends Exception {
  private static final long serialVersionUID = 1L;

  public RenderException(String message) {
    super(message);
  }

  public RenderException(String message, Throwable cause) {
    super(message, cause);
  }
}
