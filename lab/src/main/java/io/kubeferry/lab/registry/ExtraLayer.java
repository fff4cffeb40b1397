package io.kubeferry.lab.registry;

import io.kubeferry.core.Digest;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.DigestOutputStream;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.SplittableRandom;
import java.util.zip.Deflater;
import java.util.zip.GZIPOutputStream;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveOutputStream;

/**
 * A single-file layer the lab appends after jib's layers: seeded incompressible filler (to scale the set for the
 * benchmark) or a small variant marker (to change what a tag points at). Deterministic: fixed mtime, owner and mode;
 * gzip without a timestamp. Filler is stored uncompressed inside gzip (level 0): random bytes do not compress, and
 * level 0 keeps building a 1 GiB set fast.
 */
final class ExtraLayer {
  /** The stored layer: compressed blob digest and size, and the uncompressed tar digest (config diff_id). */
  record Built(Digest digest, long size, Digest diffId) {
  }

  private ExtraLayer() {
  }

  static Built filler(BlobStore store, String seed, long bytes) throws IOException {
    SplittableRandom random = new SplittableRandom(seedOf(seed));
    return write(store, "var/lib/kubeferry-lab/filler-" + Digest.sha256Of(seed.getBytes(StandardCharsets.UTF_8))
        .hex().substring(0, 12) + ".bin", bytes, Deflater.NO_COMPRESSION, out -> {
          byte[] buf = new byte[64 * 1024];
          long left = bytes;
          while (left > 0) {
            random.nextBytes(buf);
            int n = (int) Math.min(buf.length, left);
            out.write(buf, 0, n);
            left -= n;
          }
        });
  }

  static Built marker(BlobStore store, String text) throws IOException {
    byte[] content = (text + "\n").getBytes(StandardCharsets.UTF_8);
    return write(store, "etc/kubeferry-lab-variant", content.length, Deflater.DEFAULT_COMPRESSION,
        out -> out.write(content));
  }

  private interface Content {
    void writeTo(OutputStream out) throws IOException;
  }

  private static Built write(BlobStore store, String name, long size, int level, Content content) throws IOException {
    Path tmp = store.tempFile();
    MessageDigest compressed = Digest.newSha256();
    MessageDigest tar = Digest.newSha256();
    try (OutputStream file = new DigestOutputStream(Files.newOutputStream(tmp), compressed);
         GZIPOutputStream gz = new GZIPOutputStream(file, 64 * 1024) {
           {
             def.setLevel(level);
           }
         };
         TarArchiveOutputStream out = new TarArchiveOutputStream(new DigestOutputStream(gz, tar))) {
      out.setLongFileMode(TarArchiveOutputStream.LONGFILE_POSIX);
      TarArchiveEntry e = new TarArchiveEntry(name);
      e.setSize(size);
      e.setMode(0100644);
      e.setModTime(1000L);
      e.setUserId(0);
      e.setGroupId(0);
      out.putArchiveEntry(e);
      content.writeTo(out);
      out.closeArchiveEntry();
      out.finish();
    }
    Digest digest = Digest.sha256Hex(HexFormat.of().formatHex(compressed.digest()));
    long blobSize = Files.size(tmp);
    store.commit(tmp, digest);
    return new Built(digest, blobSize, Digest.sha256Hex(HexFormat.of().formatHex(tar.digest())));
  }

  private static long seedOf(String seed) {
    byte[] h = Digest.newSha256().digest(seed.getBytes(StandardCharsets.UTF_8));
    long s = 0;
    for (int i = 0; i < 8; i++) {
      s = (s << 8) | (h[i] & 0xff);
    }
    return s;
  }
}
