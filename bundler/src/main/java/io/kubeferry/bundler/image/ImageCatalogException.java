package io.kubeferry.bundler.image;

/** The image catalog cannot answer: unknown Kubernetes version, unknown add-on, or malformed catalog data. */
public final class ImageCatalogException extends Exception {
  private static final long serialVersionUID = 1L;

  public ImageCatalogException(String message) {
    super(message);
  }
}
