package io.kubeferry.bundler.rpm.repo;

import io.kubeferry.core.Digest;
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
import java.util.List;
import java.util.function.BiConsumer;
import java.util.zip.GZIPOutputStream;

/**
 * Writes one metadata file ({@code <type>.xml.gz}) in a single pass, hashing and counting both the XML and the
 * gzip bytes, then renames it to createrepo's unique name {@code <sha256>-<type>.xml.gz}. GZIP mtime is 0, so the
 * output is byte-for-byte deterministic.
 */
final class MetadataFileWriter {
  private MetadataFileWriter() {}

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

  static RepomdRecord write(Path dir, String type, String header, String footer, List<IndexedPackage> packages,
      BiConsumer<StringBuilder, IndexedPackage> render, long timestamp) throws IOException {
    Path tmp = dir.resolve(type + ".xml.gz");
    Tap compressed;
    Tap open;
    try (OutputStream file = Files.newOutputStream(tmp)) {
      compressed = new Tap(new java.io.BufferedOutputStream(file, 256 * 1024));
      GZIPOutputStream gz = new GZIPOutputStream(compressed, 64 * 1024);
      open = new Tap(gz);
      try (Writer w = new OutputStreamWriter(open, StandardCharsets.UTF_8)) {
        w.write(header);
        StringBuilder sb = new StringBuilder(16 * 1024);
        for (IndexedPackage p : packages) {
          sb.setLength(0);
          render.accept(sb, p);
          w.append(sb);
        }
        w.write(footer);
      }
    }
    String hex = HexFormat.of().formatHex(compressed.digest.digest());
    String name = hex + "-" + type + ".xml.gz";
    Files.move(tmp, dir.resolve(name));
    return new RepomdRecord(type, new Digest("sha256", hex),
        new Digest("sha256", HexFormat.of().formatHex(open.digest.digest())),
        "repodata/" + name, timestamp, compressed.count, open.count);
  }
}
