package io.kubeferry.core.pack;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;

/** Recognises files that are already compressed by their first bytes, so packing stores them as they are. */
final class CompressedContent {
  private CompressedContent() {}

  static boolean looksCompressed(Path file) throws IOException {
    byte[] m;
    try (InputStream in = Files.newInputStream(file)) {
      m = in.readNBytes(6);
    }
    return is(m, 0x1f, 0x8b) // gzip (image layers, primary.xml.gz)
        || is(m, 0x28, 0xb5, 0x2f, 0xfd) // zstd
        || is(m, 0xfd, '7', 'z', 'X', 'Z', 0) // xz
        || is(m, 'B', 'Z', 'h') // bzip2
        || is(m, 'P', 'K', 3, 4) // zip, jar
        || is(m, 0xed, 0xab, 0xee, 0xdb); // RPM lead: the payload is compressed
  }

  private static boolean is(byte[] m, int... magic) {
    if (m.length < magic.length) {
      return false;
    }
    for (int i = 0; i < magic.length; i++) {
      if ((m[i] & 0xff) != magic[i]) {
        return false;
      }
    }
    return true;
  }
}
