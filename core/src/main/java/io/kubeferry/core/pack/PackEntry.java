package io.kubeferry.core.pack;

import io.kubeferry.core.Digest;
import io.kubeferry.core.bundle.BundleLayout;
import java.nio.file.Path;
import java.util.Objects;

/**
 * One file to put in the tar: its bundle path and where its bytes come from (a file, or bytes held in memory).
 *
 * @param path bundle path ({@link BundleLayout#checkPath})
 * @param file the source file, or null when {@code bytes} is set
 * @param bytes in-memory content, or null when {@code file} is set
 * @param executable written with mode 0755 instead of 0644
 * @param expected sha256 the content must have (checked while packing; the build fails otherwise), or null
 */
public record PackEntry(String path, Path file, byte[] bytes, boolean executable, Digest expected) {
  public PackEntry {
    BundleLayout.checkPath(path);
    if ((file == null) == (bytes == null)) {
      throw new IllegalArgumentException("entry " + path + " needs exactly one of file or bytes");
    }
  }

  public static PackEntry ofFile(String path, Path file, boolean executable) {
    return new PackEntry(path, Objects.requireNonNull(file), null, executable, null);
  }

  public static PackEntry ofBytes(String path, byte[] bytes) {
    return new PackEntry(path, null, Objects.requireNonNull(bytes), false, null);
  }

  /** The same entry, with content that must hash to {@code digest}. */
  public PackEntry expecting(Digest digest) {
    return new PackEntry(path, file, bytes, executable, digest);
  }
}
