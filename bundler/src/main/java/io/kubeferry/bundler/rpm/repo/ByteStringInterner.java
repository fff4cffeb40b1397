package io.kubeferry.bundler.rpm.repo;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;

/**
 * Interns UTF-8 byte ranges as Strings: a lookup hashes the bytes in place, so the ~1M repeated names and versions
 * of a large primary.xml cost no allocation after their first occurrence. Only short strings (≤ 256 bytes) are
 * kept. Not thread-safe.
 */
final class ByteStringInterner {
  private final Map<Key, String> map = new HashMap<>();
  private final Key probe = new Key(null, 0, 0, 0);

  String get(byte[] bytes, int len) {
    return get(bytes, 0, len);
  }

  String get(byte[] bytes, int off, int len) {
    probe.set(bytes, off, len);
    String s = map.get(probe);
    if (s == null) {
      byte[] copy = Arrays.copyOfRange(bytes, off, off + len);
      s = new String(copy, StandardCharsets.UTF_8);
      if (len <= 256) {
        Key k = new Key(copy, 0, len, probe.hash);
        map.put(k, s);
      }
    }
    return s;
  }

  /** A byte-range key; the probe instance is reused for lookups. */
  private static final class Key {
    byte[] bytes;
    int off;
    int len;
    int hash;

    Key(byte[] bytes, int off, int len, int hash) {
      this.bytes = bytes;
      this.off = off;
      this.len = len;
      this.hash = hash;
    }

    void set(byte[] b, int o, int l) {
      bytes = b;
      off = o;
      len = l;
      int h = 1;
      for (int i = o; i < o + l; i++) {
        h = 31 * h + b[i];
      }
      hash = h;
    }

    @Override
    public int hashCode() {
      return hash;
    }

    @Override
    public boolean equals(Object o) {
      return o instanceof Key k && k.len == len && Arrays.equals(bytes, off, off + len, k.bytes, k.off, k.off + len);
    }
  }
}
