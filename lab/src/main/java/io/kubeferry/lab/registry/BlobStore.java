package io.kubeferry.lab.registry;

import io.kubeferry.core.Digest;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.DigestOutputStream;
import java.security.MessageDigest;
import java.util.HexFormat;

/** A content-addressed directory {@code blobs/sha256/<hex>} written with temp file + atomic rename. */
final class BlobStore {
  private final Path root;

  BlobStore(Path root) {
    this.root = root;
  }

  Path root() {
    return root;
  }

  Path path(Digest d) {
    return root.resolve("blobs").resolve(d.algorithm()).resolve(d.hex());
  }

  boolean has(Digest d) {
    return Files.isRegularFile(path(d));
  }

  long size(Digest d) throws IOException {
    return Files.size(path(d));
  }

  byte[] read(Digest d) throws IOException {
    return Files.readAllBytes(path(d));
  }

  Digest put(byte[] bytes) throws IOException {
    Digest d = Digest.sha256Of(bytes);
    if (!has(d)) {
      Path tmp = tempFile();
      Files.write(tmp, bytes);
      commit(tmp, d);
    }
    return d;
  }

  /** Copies a stream in, checking it against {@code expected} when not null; returns its digest. */
  Digest put(InputStream in, Digest expected) throws IOException {
    Path tmp = tempFile();
    MessageDigest md = Digest.newSha256();
    try (OutputStream out = new DigestOutputStream(Files.newOutputStream(tmp), md)) {
      in.transferTo(out);
    }
    Digest actual = Digest.sha256Hex(HexFormat.of().formatHex(md.digest()));
    if (expected != null && !expected.equals(actual)) {
      Files.deleteIfExists(tmp);
      throw new IOException("could not store blob: digest " + actual + " does not match expected " + expected);
    }
    commit(tmp, actual);
    return actual;
  }

  Path tempFile() throws IOException {
    Path dir = root.resolve("tmp");
    Files.createDirectories(dir);
    return Files.createTempFile(dir, "blob-", ".part");
  }

  /** Moves a finished temp file to its content address (or drops it when already present). */
  void commit(Path tmp, Digest d) throws IOException {
    Path target = path(d);
    if (Files.exists(target)) {
      Files.deleteIfExists(tmp);
      return;
    }
    Files.createDirectories(target.getParent());
    try {
      Files.move(tmp, target, StandardCopyOption.ATOMIC_MOVE);
    } catch (AtomicMoveNotSupportedException e) {
      Files.move(tmp, target, StandardCopyOption.REPLACE_EXISTING);
    }
  }
}
