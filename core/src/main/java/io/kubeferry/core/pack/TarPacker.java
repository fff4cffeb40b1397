package io.kubeferry.core.pack;

import com.github.luben.zstd.ZstdOutputStream;
import io.kubeferry.core.Digest;
import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.security.DigestOutputStream;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.List;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveOutputStream;

/**
 * Streams entries into a reproducible tar: entries in the order given (callers sort), every entry with the same
 * mtime, uid/gid 0, no user/group names, mode 0644 or 0755, PAX headers for long names and files over 8 GiB. The
 * compressed bytes also go to {@code tee} (e.g. a signature sink) while written. Output is written under temporary
 * names and renamed into place at the end. Thread-safe (stateless).
 */
public final class TarPacker {
  private static final int GZIP_LEVEL = 6;
  private static final int ZSTD_LEVEL = 3;

  /** Writes {@code entries} to {@code target} (or its parts); {@code tee} receives the compressed bytes too. */
  public PackResult pack(List<PackEntry> entries, PackOptions options, java.nio.file.Path target, OutputStream tee)
      throws IOException {
    PartsOutputStream parts = new PartsOutputStream(target, options.partSize());
    MessageDigest sha = Digest.newSha256();
    boolean done = false;
    try {
      OutputStream sink = tee == null
          ? new WriteBehindOutputStream(new DigestOutputStream(parts, sha))
          : new WriteBehindOutputStream(new DigestOutputStream(parts, sha), new NonClosing(tee));
      AdaptiveGzipOutputStream gzip = null;
      OutputStream compressed;
      if (options.compression() == Compression.GZIP) {
        gzip = new AdaptiveGzipOutputStream(sink, GZIP_LEVEL, Math.max(1, Runtime.getRuntime().availableProcessors()));
        compressed = gzip;
      } else {
        ZstdOutputStream z = new ZstdOutputStream(sink, ZSTD_LEVEL);
        z.setWorkers(Math.max(1, Runtime.getRuntime().availableProcessors())); // >=1: same bytes for any count
        z.setChecksum(true);
        compressed = z;
      }
      BufferedOutputStream buffered = new BufferedOutputStream(compressed, 1 << 20);
      // 512-byte blocks: data reaches the deflater promptly, so level switches land at entry boundaries.
      try (TarArchiveOutputStream tar = new TarArchiveOutputStream(buffered, 512, "UTF-8")) {
        tar.setLongFileMode(TarArchiveOutputStream.LONGFILE_POSIX);
        tar.setBigNumberMode(TarArchiveOutputStream.BIGNUMBER_POSIX);
        tar.setAddPaxHeadersForNonAsciiNames(true);
        for (PackEntry e : entries) {
          write(tar, buffered, gzip, e, options);
        }
        tar.finish();
      }
      done = true;
    } finally {
      if (!done) {
        parts.abort();
      }
    }
    List<java.nio.file.Path> files = parts.commit();
    return new PackResult(files, parts.size(), Digest.sha256Hex(HexFormat.of().formatHex(sha.digest())),
        entries.size());
  }

  private static void write(TarArchiveOutputStream tar, BufferedOutputStream buffered,
      AdaptiveGzipOutputStream gzip, PackEntry e, PackOptions options) throws IOException {
    long size = e.file() != null ? Files.size(e.file()) : e.bytes().length;
    TarArchiveEntry te = new TarArchiveEntry(e.path(), TarArchiveEntry.LF_NORMAL, false);
    te.setSize(size);
    te.setMode(e.executable() ? 0100755 : 0100644);
    te.setModTime(options.mtime().getEpochSecond() * 1000);
    te.setIds(0, 0);
    te.setUserName("");
    te.setGroupName("");
    tar.putArchiveEntry(te);
    boolean store = gzip != null && e.file() != null && CompressedContent.looksCompressed(e.file());
    if (store) {
      buffered.flush(); // the header goes out at the normal level; the payload is stored
      gzip.store(true);
    }
    if (e.file() != null) {
      MessageDigest sha = e.expected() == null ? null : Digest.newSha256();
      long copied = 0;
      byte[] buf = new byte[1 << 17];
      try (InputStream in = Files.newInputStream(e.file())) {
        for (int n; (n = in.read(buf)) > 0; copied += n) {
          tar.write(buf, 0, n);
          if (sha != null) {
            sha.update(buf, 0, n);
          }
        }
      }
      if (copied != size) {
        throw new IOException("could not pack " + e.path() + ": " + e.file() + " changed while packing");
      }
      if (sha != null && !HexFormat.of().formatHex(sha.digest()).equals(e.expected().hex())) {
        throw new IOException("could not pack " + e.path() + ": its content does not match its digest "
            + e.expected() + " (corrupt image layout " + e.file().getParent() + "; pull the image again)");
      }
    } else {
      tar.write(e.bytes());
    }
    tar.closeArchiveEntry();
    if (store) {
      buffered.flush();
      gzip.store(false);
    }
  }

  /** The tee belongs to the caller: written to, never closed here. */
  private static final class NonClosing extends java.io.FilterOutputStream {
    NonClosing(OutputStream out) {
      super(out);
    }

    @Override
    public void write(byte[] b, int off, int len) throws IOException {
      out.write(b, off, len);
    }

    @Override
    public void close() throws IOException {
      out.flush();
    }
  }
}
