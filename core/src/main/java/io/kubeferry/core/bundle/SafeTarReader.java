package io.kubeferry.core.bundle;

import io.kubeferry.core.IntegrityException;
import java.io.BufferedInputStream;
import java.io.Closeable;
import java.io.IOException;
import java.io.InputStream;
import java.util.HashSet;
import java.util.Set;
import java.util.zip.GZIPInputStream;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveInputStream;
import org.apache.commons.compress.compressors.zstandard.ZstdCompressorInputStream;

/**
 * Reads an untrusted tar stream (plain, gzip or zstd, detected by magic bytes) and refuses, with one message naming
 * the entry, anything that could write outside the target or exhaust the machine: absolute paths, {@code ..}
 * segments, symlinks or hard links pointing outside, device and FIFO entries, sparse files, oversized entries or
 * totals, too many entries, duplicate names. Not thread-safe.
 */
public final class SafeTarReader implements Closeable {
  /** What an accepted entry is. */
  public enum Type { FILE, DIRECTORY, SYMLINK, HARDLINK }

  /** An accepted entry; {@code linkTarget} is null unless it is a link. Read the content from the reader. */
  public record Entry(String path, Type type, long size, String linkTarget) {}

  private final TarArchiveInputStream tar;
  private final InputStream decompressed;
  private final String source;
  private final ArchiveLimits limits;
  private final Set<String> seen = new HashSet<>();
  private long total;
  private int count;

  /** Wraps {@code raw} (not closed by the caller; closing this closes it); {@code source} names it in messages. */
  public SafeTarReader(InputStream raw, String source, ArchiveLimits limits) throws IOException {
    this.source = source;
    this.limits = limits;
    this.decompressed = decompress(new BufferedInputStream(raw, 1 << 16));
    this.tar = new TarArchiveInputStream(decompressed, 10240, 512, "UTF-8", false);
  }

  private static InputStream decompress(BufferedInputStream in) throws IOException {
    in.mark(4);
    byte[] magic = in.readNBytes(4);
    in.reset();
    if (magic.length >= 2 && (magic[0] & 0xff) == 0x1f && (magic[1] & 0xff) == 0x8b) {
      return new GZIPInputStream(in, 1 << 16);
    }
    if (magic.length == 4 && (magic[0] & 0xff) == 0x28 && (magic[1] & 0xff) == 0xb5
        && (magic[2] & 0xff) == 0x2f && (magic[3] & 0xff) == 0xfd) {
      return new ZstdCompressorInputStream(in);
    }
    return in;
  }

  /** The next safe entry, or null at the end. Throws {@link IntegrityException} naming a hostile entry. */
  public Entry next() throws IOException, IntegrityException {
    TarArchiveEntry e = tar.getNextEntry();
    if (e == null) {
      return null;
    }
    String raw = e.getName();
    if (++count > limits.maxEntries()) {
      throw hostile(raw, "more than " + limits.maxEntries() + " entries");
    }
    if (e.isCharacterDevice() || e.isBlockDevice() || e.isFIFO()) {
      throw hostile(raw, "device or FIFO entries are not allowed");
    }
    if (e.isSparse()) {
      throw hostile(raw, "sparse entries are not allowed");
    }
    String path = checkName(raw, e.isDirectory());
    if (!seen.add(path)) {
      throw hostile(raw, "duplicate entry");
    }
    if (e.getSize() > limits.maxEntrySize()) {
      throw hostile(raw, "entry of " + e.getSize() + " bytes exceeds the limit of " + limits.maxEntrySize());
    }
    total += e.getSize();
    if (total > limits.maxTotalSize()) {
      throw hostile(raw, "archive content exceeds the limit of " + limits.maxTotalSize() + " bytes");
    }
    if (e.isSymbolicLink()) {
      return new Entry(path, Type.SYMLINK, 0, checkSymlink(raw, path, e.getLinkName()));
    }
    if (e.isLink()) {
      return new Entry(path, Type.HARDLINK, 0, checkHardlink(raw, e.getLinkName()));
    }
    if (e.isDirectory()) {
      return new Entry(path, Type.DIRECTORY, 0, null);
    }
    if (!e.isFile()) {
      throw hostile(raw, "unsupported entry type '" + (char) e.getLinkFlag() + "'");
    }
    return new Entry(path, Type.FILE, e.getSize(), null);
  }

  /** The current entry's content; reads stop at the entry's end. Do not close it. */
  public InputStream content() {
    return tar;
  }

  /** After the last entry: reads whatever the decompressor still holds (tar padding), so all input is consumed. */
  public void drain() throws IOException {
    tar.transferTo(java.io.OutputStream.nullOutputStream());
    decompressed.transferTo(java.io.OutputStream.nullOutputStream());
  }

  private String checkName(String raw, boolean directory) throws IntegrityException {
    if (raw.startsWith("/")) {
      throw hostile(raw, "absolute path");
    }
    String name = raw;
    while (name.startsWith("./")) {
      name = name.substring(2);
    }
    if (directory && name.endsWith("/")) {
      name = name.substring(0, name.length() - 1);
    }
    for (String segment : name.split("/", -1)) {
      if (segment.equals("..")) {
        throw hostile(raw, "path traversal ('..')");
      }
    }
    try {
      return BundleLayout.checkPath(name);
    } catch (IllegalArgumentException e) {
      throw hostile(raw, "unsafe name");
    }
  }

  private String checkSymlink(String raw, String path, String target) throws IntegrityException {
    if (target == null || target.isEmpty() || target.startsWith("/")) {
      throw hostile(raw, "symlink to absolute path '" + target + "' points outside the archive");
    }
    // Resolve the target against the link's directory; it must stay inside the archive root.
    int depth = path.split("/").length - 1;
    for (String segment : target.split("/")) {
      if (segment.equals("..")) {
        depth--;
      } else if (!segment.isEmpty() && !segment.equals(".")) {
        depth++;
      }
      if (depth < 0) {
        throw hostile(raw, "symlink to '" + target + "' points outside the archive");
      }
    }
    return target;
  }

  private String checkHardlink(String raw, String target) throws IntegrityException {
    try {
      String t = target == null ? "" : target;
      while (t.startsWith("./")) {
        t = t.substring(2);
      }
      if (t.startsWith("/") || t.contains("..")) {
        throw new IllegalArgumentException();
      }
      BundleLayout.checkPath(t);
      if (!seen.contains(t)) {
        throw hostile(raw, "hard link to '" + target + "', which is not an earlier entry");
      }
      return t;
    } catch (IllegalArgumentException e) {
      throw hostile(raw, "hard link to '" + target + "' points outside the archive");
    }
  }

  private IntegrityException hostile(String entry, String reason) {
    return new IntegrityException(entry, "unsafe archive entry '" + entry + "' in " + source + ": " + reason);
  }

  @Override
  public void close() throws IOException {
    tar.close();
  }
}
