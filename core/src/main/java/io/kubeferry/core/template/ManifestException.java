package io.kubeferry.core.template;

/**
 * A Kubernetes manifest whose images cannot be read or rewritten, or a template file that cannot be selected. The
 * message names the file, the document (1-based, 0 when the problem is not in one) and the field.
 */
public final class ManifestException extends Exception {
  private static final long serialVersionUID = 1L;
  private final String file;
  private final int document;
  private final String field;

  public ManifestException(String file, int document, String field, String message) {
    super(message);
    this.file = file;
    this.document = document;
    this.field = field;
  }

  /** Whole-file problems (unreadable, unknown manifest). */
  public ManifestException(String message, String file, Throwable cause) {
    super(message, cause);
    this.file = file;
    this.document = 0;
    this.field = "";
  }

  public String file() {
    return file;
  }

  /** 1-based document in the file, 0 when not about one document. */
  public int document() {
    return document;
  }

  /** Field path such as {@code spec.template.spec.containers[0].image}, empty when not about one field. */
  public String field() {
    return field;
  }
}
