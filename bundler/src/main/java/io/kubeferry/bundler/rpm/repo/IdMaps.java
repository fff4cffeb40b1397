package io.kubeferry.bundler.rpm.repo;

import java.util.Arrays;

/**
 * Open-addressing maps from a key to a dense id (0, 1, 2, ... in first-seen order) in a few flat arrays. Indexing a
 * large repository assigns ~200k string ids and ~150k dependency ids while the parser runs; boxed HashMap entries
 * would be several hundred thousand live objects for every young collection to copy. Not thread-safe.
 */
final class IdMaps {
  private IdMaps() {}

  /** Strings to ids; {@link #table()} lists them by id. */
  static final class Strings {
    private String[] keys = new String[1 << 16];
    private int[] ids = new int[1 << 16];
    private String[] byId = new String[1 << 15];
    private int size;

    int id(String s) {
      int mask = keys.length - 1;
      int i = spread(s.hashCode()) & mask;
      for (String k = keys[i]; k != null; k = keys[i]) {
        if (k.equals(s)) {
          return ids[i];
        }
        i = (i + 1) & mask;
      }
      keys[i] = s;
      ids[i] = size;
      if (size == byId.length) {
        byId = Arrays.copyOf(byId, size * 2);
      }
      byId[size] = s;
      if (++size * 2 > keys.length) {
        grow();
      }
      return size - 1;
    }

    private void grow() {
      String[] oldKeys = keys;
      int[] oldIds = ids;
      keys = new String[oldKeys.length * 2];
      ids = new int[oldKeys.length * 2];
      int mask = keys.length - 1;
      for (int j = 0; j < oldKeys.length; j++) {
        if (oldKeys[j] != null) {
          int i = spread(oldKeys[j].hashCode()) & mask;
          while (keys[i] != null) {
            i = (i + 1) & mask;
          }
          keys[i] = oldKeys[j];
          ids[i] = oldIds[j];
        }
      }
    }

    int size() {
      return size;
    }

    String[] table() {
      return Arrays.copyOf(byId, size);
    }
  }

  /** Non-negative longs (packed tuples of ids) to ids. */
  static final class Longs {
    private long[] keys = new long[1 << 16];
    private int[] ids = new int[1 << 16];
    private int size;

    Longs() {
      Arrays.fill(keys, -1);
    }

    /** The id of {@code key}, or -1 after assigning the next id to it (the caller records the tuple). */
    int idOrAdd(long key) {
      int mask = keys.length - 1;
      int i = spread(Long.hashCode(key * 0x9E3779B97F4A7C15L)) & mask;
      for (long k = keys[i]; k != -1; k = keys[i]) {
        if (k == key) {
          return ids[i];
        }
        i = (i + 1) & mask;
      }
      keys[i] = key;
      ids[i] = size;
      if (++size * 2 > keys.length) {
        grow();
      }
      return -1;
    }

    int size() {
      return size;
    }

    private void grow() {
      long[] oldKeys = keys;
      int[] oldIds = ids;
      keys = new long[oldKeys.length * 2];
      Arrays.fill(keys, -1);
      ids = new int[oldKeys.length * 2];
      int mask = keys.length - 1;
      for (int j = 0; j < oldKeys.length; j++) {
        if (oldKeys[j] != -1) {
          int i = spread(Long.hashCode(oldKeys[j] * 0x9E3779B97F4A7C15L)) & mask;
          while (keys[i] != -1) {
            i = (i + 1) & mask;
          }
          keys[i] = oldKeys[j];
          ids[i] = oldIds[j];
        }
      }
    }
  }

  private static int spread(int h) {
    return h ^ (h >>> 16);
  }
}
