package io.kubeferry.core.pack;

import io.kubeferry.core.bundle.BundleLayout;
import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;

/**
 * Writes the tarball under temporary names, as one file or as numbered parts of at most {@code partSize} bytes, and
 * renames everything into place only on {@link #commit()}; {@link #abort()} removes the temporaries. Not thread-safe.
 */
final class PartsOutputStream extends OutputStream {
  private final Path target;
  private final long partSize;
  private final List<Path> temps = new ArrayList<>();
  private OutputStream current;
  private long inPart;
  private long total;

  /** {@code partSize} 0 writes a single file. */
  PartsOutputStream(Path target, long partSize) {
    this.target = target;
    this.partSize = partSize;
  }

  private void nextPart() throws IOException {
    if (current != null) {
      current.close();
    }
    Path dir = target.toAbsolutePath().getParent();
    Files.createDirectories(dir);
    Path tmp = Files.createTempFile(dir, "." + target.getFileName() + ".", ".tmp");
    temps.add(tmp);
    // createTempFile makes 0600 files; a bundle is meant to be copied around and read by others.
    Files.setPosixFilePermissions(tmp, java.nio.file.attribute.PosixFilePermissions.fromString("rw-r--r--"));
    current = new BufferedOutputStream(Files.newOutputStream(tmp), 1 << 16);
    inPart = 0;
  }

  @Override
  public void write(int b) throws IOException {
    write(new byte[] {(byte) b}, 0, 1);
  }

  @Override
  public void write(byte[] b, int off, int len) throws IOException {
    while (len > 0) {
      if (current == null || (partSize > 0 && inPart == partSize)) {
        nextPart();
      }
      int n = partSize > 0 ? (int) Math.min(len, partSize - inPart) : len;
      current.write(b, off, n);
      inPart += n;
      total += n;
      off += n;
      len -= n;
    }
  }

  long size() {
    return total;
  }

  @Override
  public void close() throws IOException {
    if (current == null) {
      nextPart(); // an empty output still yields one (empty) file
    }
    current.close();
  }

  /** Renames the temporaries to their final names; removes stale parts of an earlier build first. */
  List<Path> commit() throws IOException {
    List<Path> finals = new ArrayList<>();
    Files.deleteIfExists(target);
    for (int i = 0; Files.exists(BundleLayout.part(target, i)); i++) {
      Files.delete(BundleLayout.part(target, i));
    }
    for (int i = 0; i < temps.size(); i++) {
      Path dest = partSize > 0 ? BundleLayout.part(target, i) : target;
      Files.move(temps.get(i), dest, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
      finals.add(dest);
    }
    return finals;
  }

  void abort() throws IOException {
    for (Path t : temps) {
      Files.deleteIfExists(t);
    }
  }
}
