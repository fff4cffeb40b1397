package io.kubeferry.bundler.rpm.repo;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;

/**
 * The distinct strings of a repository's metadata, by id. Loaded from {@link MetadataCache} as one mapped UTF-8
 * blob with offsets and decoded on first use: a resolve touches a few thousand of the ~200k strings. Thread-safe:
 * decoding is idempotent and Strings are immutable, so a racy cache fill is harmless.
 */
final class StringTable {
  private final String[] decoded;
  private final ByteBuffer utf8;
  private final int[] offsets;

  /** A table whose strings are all known (built from parsed packages). */
  StringTable(String[] strings) {
    this.decoded = strings;
    this.utf8 = null;
    this.offsets = null;
  }

  /** A table decoded lazily: string {@code i} is {@code utf8[offsets[i] .. offsets[i + 1])}. */
  StringTable(ByteBuffer utf8, int[] offsets) {
    this.decoded = new String[offsets.length - 1];
    this.utf8 = utf8;
    this.offsets = offsets;
  }

  int size() {
    return decoded.length;
  }

  /** String {@code id}; {@code null} for id -1. */
  String get(int id) {
    if (id < 0) {
      return null;
    }
    String s = decoded[id];
    if (s == null) {
      byte[] b = new byte[offsets[id + 1] - offsets[id]];
      utf8.get(offsets[id], b);
      s = new String(b, StandardCharsets.UTF_8);
      decoded[id] = s;
    }
    return s;
  }

  /** Whether string {@code id} is {@code s} ({@code utf8} its bytes), without decoding it when it is not. */
  boolean is(int id, String s, byte[] utf8) {
    String known = decoded[id];
    if (known != null) {
      return known.equals(s);
    }
    int from = offsets[id];
    if (offsets[id + 1] - from != utf8.length) {
      return false;
    }
    for (int i = 0; i < utf8.length; i++) {
      if (this.utf8.get(from + i) != utf8[i]) {
        return false;
      }
    }
    return true;
  }

  /** The table as one UTF-8 blob and the offset of each string in it ({@code size() + 1} entries). */
  record Encoded(ByteBuffer utf8, int[] offsets) {}

  Encoded encode() {
    if (utf8 != null) {
      return new Encoded(utf8, offsets);
    }
    // One growing blob, not an array per string: the write runs while the solver works, in the same young heap.
    byte[] out = new byte[decoded.length * 16];
    int[] off = new int[decoded.length + 1];
    for (int i = 0; i < decoded.length; i++) {
      byte[] b = decoded[i].getBytes(StandardCharsets.UTF_8);
      if (off[i] + b.length > out.length) {
        out = java.util.Arrays.copyOf(out, Math.max(out.length * 2, off[i] + b.length));
      }
      System.arraycopy(b, 0, out, off[i], b.length);
      off[i + 1] = off[i] + b.length;
    }
    return new Encoded(ByteBuffer.wrap(out, 0, off[decoded.length]).slice(), off);
  }
}
