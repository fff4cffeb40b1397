package io.kubeferry.core.pack;

import java.util.Locale;

/** How the bundle tar stream is compressed. */
public enum Compression {
  /** gzip: readable by stock {@code tar xzf} everywhere (EL7's tar has no zstd); the default. */
  GZIP(".tgz"),
  /** zstd level 3, multi-threaded: several times faster, needs zstd on the reading side. */
  ZSTD(".tar.zst");

  private final String extension;

  Compression(String extension) {
    this.extension = extension;
  }

  /** Conventional file name extension. */
  public String extension() {
    return extension;
  }

  public static Compression parse(String text) {
    for (Compression c : values()) {
      if (c.name().equalsIgnoreCase(text)) {
        return c;
      }
    }
    throw new IllegalArgumentException("unknown compression '" + text + "' (expected gzip or zstd)");
  }

  @Override
  public String toString() {
    return name().toLowerCase(Locale.ROOT);
  }
}
