package io.kubeferry.bundler.rpm.repo;

import io.kubeferry.core.Digest;
import java.io.BufferedOutputStream;
import java.io.FilterOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.zip.GZIPOutputStream;

/**
 * Streams one metadata file ({@code <type>.xml.gz}) in a single pass, hashing and counting both the XML and the
 * gzip bytes, then renames it to createrepo's unique name {@code <sha256>-<type>.xml.gz}. GZIP mtime is 0, so the
 * output is byte-for-byte deterministic. Not thread-safe.
 */
final class MetadataFileWriter implements AutoCloseable {
  /** A stream that counts and hashes what passes through. */
  private static final class Tap extends FilterOutputStream {
    final MessageDigest digest = Digest.newSha256();
    long count;

    Tap(OutputStream out) {
      super(out);
    }

    @Override
    public void write(int b) throws IOException {
      out.write(b);
      digest.update((byte) b);
      count++;
    }

    @Override
    public void write(byte[] b, int off, int len) throws IOException {
      out.write(b, off, len);
      digest.update(b, off, len);
      count += len;
    }
  }

  private final Path dir;
  private final String type;
  private final Path tmp;
  private final Tap compressed;
  private final Tap open;
  private final Writer writer;
  private boolean closed;

  MetadataFileWriter(Path dir, String type, String header) throws IOException {
    this.dir = dir;
    this.type = type;
    this.tmp = dir.resolve(type + ".xml.gz");
    this.compressed = new Tap(new BufferedOutputStream(Files.newOutputStream(tmp), 256 * 1024));
    this.open = new Tap(new GZIPOutputStream(compressed, 64 * 1024));
    this.writer = new OutputStreamWriter(open, StandardCharsets.UTF_8);
    writer.write(header);
  }

  void append(CharSequence fragment) throws IOException {
    writer.append(fragment);
  }

  /** Writes the footer, closes and renames the file; returns its repomd record. */
  RepomdRecord finish(String footer, long timestamp) throws IOException {
    writer.write(footer);
    writer.close();
    closed = true;
    String hex = HexFormat.of().formatHex(compressed.digest.digest());
    String name = hex + "-" + type + ".xml.gz";
    Files.move(tmp, dir.resolve(name));
    return new RepomdRecord(type, new Digest("sha256", hex),
        new Digest("sha256", HexFormat.of().formatHex(open.digest.digest())),
        "repodata/" + name, timestamp, compressed.count, open.count);
  }

  @Override
  public void close() throws IOException {
    if (!closed) {
      closed = true;
      writer.close();
    }
  }
}
