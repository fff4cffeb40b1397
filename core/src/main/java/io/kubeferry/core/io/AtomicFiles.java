package io.kubeferry.core.io;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Set;

/** Writes a file completely under a temporary name beside it, then renames it into place: never half-written. */
public final class AtomicFiles {
  private AtomicFiles() {}

  /** Content producer for {@link #write(Path, Writer)}. */
  @FunctionalInterface
  public interface Writer {
    void writeTo(OutputStream out) throws IOException;
  }

  /** Writes {@code bytes} to {@code target} atomically. */
  public static void write(Path target, byte[] bytes) throws IOException {
    write(target, out -> out.write(bytes));
  }

  /** Writes {@code target} atomically with owner-only permissions (secret keys). */
  public static void writePrivate(Path target, byte[] bytes) throws IOException {
    write(target, out -> out.write(bytes), Set.of(PosixFilePermission.OWNER_READ, PosixFilePermission.OWNER_WRITE));
  }

  /** Streams content to a temp file beside {@code target} and renames it over {@code target}. */
  public static void write(Path target, Writer writer) throws IOException {
    // createTempFile makes 0600 files; published files are world-readable like any other.
    write(target, writer, PosixFilePermissions.fromString("rw-r--r--"));
  }

  private static void write(Path target, Writer writer, Set<PosixFilePermission> perms) throws IOException {
    Path dir = target.toAbsolutePath().getParent();
    Files.createDirectories(dir);
    Path tmp = Files.createTempFile(dir, "." + target.getFileName() + ".", ".tmp");
    try {
      if (perms != null) {
        Files.setPosixFilePermissions(tmp, perms);
      }
      try (OutputStream out = Files.newOutputStream(tmp)) {
        writer.writeTo(out);
      }
      try {
        Files.move(tmp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
      } catch (AtomicMoveNotSupportedException e) {
        Files.move(tmp, target, StandardCopyOption.REPLACE_EXISTING);
      }
    } finally {
      Files.deleteIfExists(tmp);
    }
  }
}
