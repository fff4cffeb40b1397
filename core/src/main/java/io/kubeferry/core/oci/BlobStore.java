package io.kubeferry.core.oci;

import io.kubeferry.core.Descriptor;
import io.kubeferry.core.Digest;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.DigestOutputStream;
import java.security.MessageDigest;
import java.util.HexFormat;

/**
 * A content-addressed directory {@code <root>/blobs/<alg>/<hex>}: the blob part of an OCI image layout and also
 * the local download cache. Blobs appear only complete and verified: written to a temporary file in the same
 * directory, then renamed atomically. Safe for concurrent writers (of the same or different blobs) in one or
 * several processes: the rename of identical content is idempotent.
 */
public final class BlobStore {
  private final Path root;

  public BlobStore(Path root) {
    this.root = root;
  }

  public Path root() {
    return root;
  }

  /** The final path of a blob (it may not exist). */
  public Path path(Digest d) {
    return root.resolve("blobs").resolve(d.algorithm()).resolve(d.hex());
  }

  /** Whether the blob is present with the expected size (content was verified when it was stored). */
  public boolean has(Descriptor d) {
    try {
      Path p = path(d.digest());
      return Files.isRegularFile(p) && Files.size(p) == d.size();
    } catch (IOException e) {
      return false;
    }
  }

  /** A fresh temporary file next to where blobs live, so the final rename stays on one file system. */
  public Path newTemp(Digest d) throws IOException {
    Path dir = path(d).getParent();
    Files.createDirectories(dir);
    return Files.createTempFile(dir, ".tmp-" + d.hex().substring(0, 12) + "-", ".part");
  }

  /** Moves a verified temporary file into place (atomic); if the blob is already there, drops the temp file. */
  public void commit(Path temp, Digest d) throws IOException {
    Path target = path(d);
    try {
      Files.move(temp, target, StandardCopyOption.ATOMIC_MOVE);
    } catch (FileAlreadyExistsException | AtomicMoveNotSupportedException e) {
      Files.deleteIfExists(temp);
      if (!Files.exists(target)) {
        throw e;
      }
    }
  }

  /** Writes bytes that must hash to {@code d}; verifies first, then stores atomically. */
  public void write(Digest d, byte[] bytes) throws IOException {
    if (!Digest.sha256Of(bytes).equals(d)) {
      throw new IOException("content of " + bytes.length + " bytes does not match " + d);
    }
    if (Files.isRegularFile(path(d)) && Files.size(path(d)) == bytes.length) {
      return;
    }
    Path tmp = newTemp(d);
    try {
      Files.write(tmp, bytes);
      commit(tmp, d);
    } finally {
      Files.deleteIfExists(tmp);
    }
  }

  /**
   * Puts a blob from another store here: a hard link when both are on one file system (no bytes copied), else a
   * verified copy.
   */
  public void importFrom(BlobStore other, Descriptor d) throws IOException {
    if (has(d)) {
      return;
    }
    Path src = other.path(d.digest());
    Path tmp = newTemp(d.digest());
    try {
      Files.delete(tmp);
      try {
        Files.createLink(tmp, src);
      } catch (IOException | UnsupportedOperationException e) {
        copyVerified(src, tmp, d);
      }
      commit(tmp, d.digest());
    } finally {
      Files.deleteIfExists(tmp);
    }
  }

  private static void copyVerified(Path src, Path dst, Descriptor d) throws IOException {
    MessageDigest md = d.digest().newMessageDigest();
    try (InputStream in = Files.newInputStream(src);
        OutputStream out = new DigestOutputStream(Files.newOutputStream(dst), md)) {
      in.transferTo(out);
    }
    String got = d.digest().algorithm() + ":" + HexFormat.of().formatHex(md.digest());
    if (!got.equals(d.digest().toString()) || Files.size(dst) != d.size()) {
      throw new IOException("cached blob " + src + " is corrupt (hashes to " + got + "); delete it and retry");
    }
  }
}
